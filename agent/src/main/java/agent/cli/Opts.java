package agent.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Building and reading options with picocli's programmatic API. (Its annotation API costs about
 * 200 ms at start-up, in reflection and annotation proxies; this costs about 20.)
 */
final class Opts {

    private Opts() {
    }

    /** An empty command, built without picocli's default factory (it probes for Groovy). */
    static CommandSpec command(String name) {
        return CommandSpec.wrapWithoutInspection(null, NO_FACTORY).name(name);
    }

    /** Our commands are built by hand: picocli only asks for the collections options fill. */
    static final CommandLine.IFactory NO_FACTORY = new CommandLine.IFactory() {
        @Override
        @SuppressWarnings("unchecked")
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.isAssignableFrom(java.util.ArrayList.class)) {
                return (K) new java.util.ArrayList<>();
            }
            if (cls.isAssignableFrom(java.util.LinkedHashSet.class)) {
                return (K) new java.util.LinkedHashSet<>();
            }
            if (cls.isAssignableFrom(java.util.LinkedHashMap.class)) {
                return (K) new java.util.LinkedHashMap<>();
            }
            return cls.getDeclaredConstructor().newInstance();
        }
    };

    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").description(description).build();
    }

    static OptionSpec flag(List<String> names, String description) {
        return OptionSpec.builder(names.toArray(String[]::new)).type(boolean.class).arity("0").description(description).build();
    }

    /** A flag that also takes a value as salt-call spells it: {@code --state-verbose}, {@code --state-verbose=False}. */
    static OptionSpec optionalBoolean(List<String> names, String description) {
        return OptionSpec.builder(names.toArray(String[]::new)).type(Boolean.class).negatable(true).arity("0..1")
                .paramLabel("BOOL").description(description).build();
    }

    static OptionSpec value(List<String> names, String label, String description) {
        return OptionSpec.builder(names.toArray(String[]::new)).type(String.class).paramLabel(label)
                .description(description).build();
    }

    static OptionSpec negatable(String name, String description) {
        return OptionSpec.builder(name).type(Boolean.class).negatable(true).arity("0").description(description).build();
    }

    static OptionSpec value(String name, String label, String description) {
        return OptionSpec.builder(name).type(String.class).paramLabel(label).description(description).build();
    }

    /** Repeatable: every occurrence is kept, in order. */
    static OptionSpec repeated(String name, String label, String description) {
        return OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).paramLabel(label)
                .description(description).build();
    }

    static OptionSpec help() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build();
    }

    static OptionSpec version() {
        return OptionSpec.builder("-V", "--version").versionHelp(true).description("Print the version and exit.").build();
    }

    static PositionalParamSpec positionals(String label, String description) {
        return PositionalParamSpec.builder().paramLabel(label).arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description(description).build();
    }

    static PositionalParamSpec positional(String index, String label, String arity, String description) {
        return PositionalParamSpec.builder().index(index).paramLabel(label).arity(arity).type(String.class)
                .description(description).build();
    }

    static boolean flag(ParseResult p, String name) {
        return p.hasMatchedOption(name) && Boolean.TRUE.equals(p.matchedOptionValue(name, Boolean.FALSE));
    }

    static Boolean tristate(ParseResult p, String name) {
        return p.hasMatchedOption(name) ? p.matchedOptionValue(name, (Boolean) null) : null;
    }

    static String value(ParseResult p, String name) {
        return p.matchedOptionValue(name, (String) null);
    }

    static List<String> values(ParseResult p, String name) {
        return p.matchedOptionValue(name, List.<String>of());
    }

    static List<String> positionals(ParseResult p) {
        return p.matchedPositionals().isEmpty() ? List.of() : p.matchedPositionalValue(0, List.<String>of());
    }
}
