package agent.app;

import agent.compile.StateModules;
import agent.functions.ExecutionFunctions;
import agent.functions.FunctionDoc;
import agent.spi.Fnmatch;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documentation of what {@code agent call} and SLS files can name: execution functions
 * (sys.doc, salt-call -d) from their doc strings, the state.* functions from their catalogue,
 * and state functions ({@code agent doc file.managed}) from the same schema-built reference
 * docs/reference is generated from.
 */
public final class Docs {

    private Docs() {
    }

    /**
     * Salt's sys.doc: function name → documentation, for the functions, modules (a name without a
     * dot) or globs given; every function when none is.
     */
    public static Map<String, String> sysDoc(List<String> names) {
        ExecutionFunctions functions = SysFunctions.load();
        Map<String, String> all = new TreeMap<>();
        for (String name : functions.names()) {
            all.put(name, functions.doc(name).render(name));
        }
        for (StateFunctionCatalog.Signature s : StateFunctionCatalog.all()) {
            all.put(s.name(), render(s));
        }
        if (names.isEmpty()) {
            return all;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pattern : names) {
            all.forEach((name, doc) -> {
                if (name.equals(pattern) || name.startsWith(pattern + ".") || Fnmatch.matches(name, pattern)) {
                    out.put(name, doc);
                }
            });
        }
        return out;
    }

    /**
     * {@code agent doc NAME}: a state function's reference (as in docs/reference), and an
     * execution function's documentation; both where a name is both (cmd.run).
     */
    public static List<String> forName(String name) {
        List<String> out = new ArrayList<>();
        int dot = name.indexOf('.');
        StateModules modules = StateModules.load();
        if (dot > 0) {
            String module = name.substring(0, dot);
            String fun = name.substring(dot + 1);
            modules.module(module).ifPresent(m -> m.functions().stream().filter(f -> f.name().equals(fun)).findFirst()
                    .ifPresent(f -> out.add(ReferenceDocs.function(m, f))));
        } else {
            modules.module(name).ifPresent(m -> out.add(ReferenceDocs.module(m)));
        }
        Map<String, String> exec = sysDoc(List.of(name));
        exec.forEach((n, doc) -> {
            if (!doc.isEmpty()) {
                out.add(doc);
            }
        });
        return out;
    }

    /** Every documented name, for completion and suggestions. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(sysDoc(List.of()).keySet());
        for (StateModule m : StateModules.load().all()) {
            for (StateFunction f : m.functions()) {
                out.add(m.name() + "." + f.name());
            }
        }
        return out.stream().distinct().sorted().toList();
    }

    private static String render(StateFunctionCatalog.Signature s) {
        List<String> args = new ArrayList<>();
        for (String p : s.params()) {
            args.add(s.required().contains(p) ? p : p + "=None");
        }
        if (s.stateArguments()) {
            args.add("**state_arguments");
        } else if (!s.kwargs().isEmpty()) {
            args.add("**kwargs");
        }
        FunctionDoc doc = new FunctionDoc(String.join(", ", args), s.doc(), "salt-call " + s.example());
        return doc.render(s.name());
    }

    /** Every line of text indented by prefix (blank lines left empty). */
    public static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(l.isEmpty() ? "" : prefix + l).append('\n'));
        return sb.toString().stripTrailing();
    }
}
