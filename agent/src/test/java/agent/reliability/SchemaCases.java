package agent.reliability;

import agent.compile.StateModules;
import agent.spi.Args;
import agent.spi.Check;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * States made from the modules' own schemas: for every function a valid state (its baseline),
 * and from it one state per wrong-typed value of each argument and per hostile value of each
 * identifier argument (the state's name included). New functions are covered as they are added.
 */
final class SchemaCases {

    /** One state to refuse: the function, the argument made bad, and the SLS text of the state. */
    record Case(String function, String argument, String value, String sls) {
    }

    /** A valid name for each module's states. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("file", "/tmp/agent-hostile/f"), Map.entry("user", "alice"), Map.entry("group", "staff"),
            Map.entry("pkg", "nginx"), Map.entry("service", "nginx"), Map.entry("sysctl", "vm.swappiness"),
            Map.entry("pecl", "redis"), Map.entry("alias", "postmaster"), Map.entry("ssh_known_hosts", "github.com"),
            Map.entry("ssh_auth", "AAAAB3NzaC1yc2EAAAADAQABAAABAQC"), Map.entry("git", "user.name"),
            Map.entry("pkgrepo", "deb http://deb.debian.org/debian bookworm main"), Map.entry("cmd", "true"),
            Map.entry("test", "x"));

    /** Arguments a function needs to be valid at all, besides its name. */
    private static final Map<String, Map<String, Object>> NEEDED = Map.ofEntries(
            Map.entry("file.symlink", Map.of("target", "/etc/motd")),
            Map.entry("file.replace", Map.of("pattern", "a", "repl", "b")),
            Map.entry("file.append", Map.of("text", "a line")),
            Map.entry("file.recurse", Map.of("source", "salt://files")),
            Map.entry("sysctl.present", Map.of("value", "10")),
            Map.entry("alias.present", Map.of("target", "root")),
            Map.entry("ssh_auth.present", Map.of("user", "alice")),
            Map.entry("ssh_auth.absent", Map.of("user", "alice")),
            Map.entry("ssh_auth.manage", Map.of("user", "alice", "ssh_keys", List.of("AAAAB3NzaC1yc2EAAAADAQABAAABAQC"))),
            Map.entry("git.config_set", Map.of("value", "x", "global", true)),
            Map.entry("git.config_unset", Map.of("global", true)),
            Map.entry("test.show_notification", Map.of("text", "x")));

    /** Values no identifier may take: an option, a second word, shell syntax, a second line. */
    static final List<String> HOSTILE = List.of("-rf", "--help", "a;touch MARK", "a b", "$(touch MARK)", "`touch MARK`",
            "a|touch MARK", "a&&touch MARK", "a>MARK", "x\ny");

    private final StateModules modules = StateModules.load();

    /** Every function with its baseline arguments (name included). */
    List<Map.Entry<String, Map<String, Object>>> baselines() {
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        for (StateModule m : modules.all()) {
            for (StateFunction f : m.functions()) {
                String full = m.name() + "." + f.name();
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("name", NAMES.getOrDefault(m.name(), "x"));
                args.putAll(NEEDED.getOrDefault(full, Map.of()));
                out.add(Map.entry(full, args));
            }
        }
        return out;
    }

    /** Whether the baseline of {@code function} is valid; the problems otherwise. */
    String baselineProblems(String function, Map<String, Object> args) {
        StateFunction f = function(function);
        List<String> problems = new ArrayList<>(f.problems(new Args(module(function), f.name(), f.schema(), args)).list()
                .stream().map(p -> p.message()).toList());
        for (Param p : f.schema().params()) {
            if (p.required() && !args.containsKey(p.name())) {
                problems.add("missing " + p.name());
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** For each argument of each function, each value of another type. */
    List<Case> wrongTypes() {
        List<Case> out = new ArrayList<>();
        for (var base : baselines()) {
            StateFunction f = function(base.getKey());
            for (Param p : f.schema().params()) {
                for (Object bad : wrongValuesFor(p)) {
                    Map<String, Object> args = new LinkedHashMap<>(base.getValue());
                    args.put(p.name(), bad);
                    out.add(new Case(base.getKey(), p.name(), String.valueOf(bad), sls(base.getKey(), args)));
                }
            }
        }
        return out;
    }

    /** For the name and each identifier argument of each function, each hostile value its rule refuses. */
    List<Case> hostileNames() {
        List<Case> out = new ArrayList<>();
        for (var base : baselines()) {
            StateFunction f = function(base.getKey());
            Schema schema = f.schema();
            schema.nameCheck().ifPresent(check -> addHostile(out, base, "name", check, Param.Type.STRING));
            if (schema.nameCheck().isEmpty() && base.getKey().startsWith("pkg.") && !base.getKey().equals("pkg.uptodate")) {
                addHostile(out, base, "name", agent.spi.Checks.PACKAGE, Param.Type.STRING);
            }
            if (base.getKey().equals("pecl.installed")) {
                addHostile(out, base, "name", agent.spi.Checks.PECL, Param.Type.STRING);
            }
            for (Param p : schema.params()) {
                if (p.check() != null && (p.type() == Param.Type.STRING || p.type() == Param.Type.LIST)) {
                    addHostile(out, base, p.name(), p.check(), p.type());
                }
            }
        }
        return out;
    }

    private void addHostile(List<Case> out, Map.Entry<String, Map<String, Object>> base, String arg, Check check, Param.Type type) {
        for (String value : HOSTILE) {
            if (check.problem(value) == null) {
                continue;   // free text handed over as one argument: shell characters are harmless there
            }
            Map<String, Object> args = new LinkedHashMap<>(base.getValue());
            args.put(arg, type == Param.Type.LIST ? List.of(value) : value);
            out.add(new Case(base.getKey(), arg, value, sls(base.getKey(), args)));
        }
    }

    /** Values of types the parameter does not take. */
    static List<Object> wrongValuesFor(Param p) {
        Map<String, Object> mapping = Map.of("k", "v");
        return switch (p.type()) {
            case STRING -> List.of(mapping, List.of("a", "b"));
            case BOOL -> List.of("maybe", "Ture", 2, mapping);
            case INT -> List.of(1.5, "abc", List.of(1), mapping);
            case NUMBER -> List.of("abc", "NaN", mapping);
            case MODE -> List.of(1.5, "rwxr-xr-x", 888, mapping);
            case LIST -> List.of(mapping);
            case MAP -> List.of("text", List.of(1));
            case ONE_OF -> List.of("bogus-choice", mapping);
            case ANY -> List.of();
        };
    }

    private StateFunction function(String full) {
        int dot = full.indexOf('.');
        return modules.function(full.substring(0, dot), full.substring(dot + 1)).orElseThrow();
    }

    private static String module(String full) {
        return full.substring(0, full.indexOf('.'));
    }

    /** The state as SLS, under the ID {@code bad}; values written as JSON, which YAML reads as written. */
    static String sls(String function, Map<String, Object> args) {
        StringBuilder sb = new StringBuilder("bad:\n  ").append(function).append(":\n");
        args.forEach((k, v) -> sb.append("    - ").append(k).append(": ").append(json(v)).append('\n'));
        return sb.toString();
    }

    static String json(Object v) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    StateModules modules() {
        return modules;
    }
}
