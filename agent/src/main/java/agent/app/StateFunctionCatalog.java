package agent.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state.* functions {@code agent call} offers: what each takes (positional parameters in
 * Salt's order, then keywords) and what it does, for binding, {@code sys.doc} and the docs.
 */
public final class StateFunctionCatalog {

    /**
     * @param params          positional parameters, in order
     * @param required        those that must be given
     * @param kwargs          keyword arguments besides the parameters
     * @param varargs         whether more positional values are taken (more SLS names)
     * @param stateArguments  whether any other keyword is an argument of the state (state.single)
     */
    public record Signature(String name, List<String> params, List<String> required, Set<String> kwargs,
                            boolean varargs, boolean stateArguments, String example, String doc) {
    }

    private static final Map<String, Signature> ALL = new LinkedHashMap<>();

    private static final Set<String> RUN = StateCallArgs.RUN_KWARGS;
    private static final Set<String> SHOW = StateCallArgs.SHOW_KWARGS;

    static {
        add(new Signature("state.apply", List.of("mods"), List.of(), RUN, true, false, "state.apply webserver test=True",
                "Applies the SLS files named in mods (a comma-separated list), or the highstate (what top.sls assigns "
                        + "this host) when none is given. Takes test, saltenv, pillarenv, pillar (a mapping merged over "
                        + "the pillar), exclude (SLS names, or [{'id': ID}, {'sls': NAME}]), mock (run nothing: every "
                        + "state returns 'Not called, mocked'), concurrent (do not wait for another run), queue, "
                        + "sync_mods, state_events, cache and cache_name (accepted, without effect here)."));
        add(new Signature("state.sls", List.of("mods"), List.of("mods"), RUN, true, false, "state.sls webserver,users",
                "Applies the SLS files named in mods. Keywords as state.apply."));
        add(new Signature("state.highstate", List.of(), List.of(), RUN, false, false, "state.highstate test=True",
                "Applies the highstate: every SLS the top file assigns this host. Keywords as state.apply."));
        add(new Signature("state.test", List.of("mods"), List.of(), RUN, true, false, "state.test webserver",
                "state.apply in test mode: predicts the changes, makes none."));
        add(new Signature("state.sls_id", List.of("id_", "mods"), List.of("id_", "mods"), minus(RUN, "exclude"), false, false,
                "state.sls_id nginx-conf webserver",
                "Applies one state ID from the SLS files in mods, with the states it requires, watches or otherwise "
                        + "depends on (run first, as requisites)."));
        add(new Signature("state.single", List.of("fun", "name"), List.of("fun", "name"),
                Set.of("test", "pillar", "pillarenv", "saltenv", "queue", "concurrent"), false, true,
                "state.single file.directory name=/srv/www mode=755",
                "Runs one state function without an SLS file: fun is module.function, name what it manages, and "
                        + "every other keyword is an argument of the state."));
        add(new Signature("state.show_sls", List.of("mods"), List.of("mods"), SHOW, true, false, "state.show_sls webserver",
                "The high data of the SLS files: IDs with their states and arguments, extend, exclude and the _in "
                        + "requisites applied."));
        add(new Signature("state.show_low_sls", List.of("mods"), List.of("mods"), SHOW, true, false,
                "state.show_low_sls webserver", "The low chunks of the SLS files, in order, as Salt 3006 prints them "
                        + "(before extend, exclude and the _in requisites)."));
        add(new Signature("state.show_lowstate", List.of(), List.of(), SHOW, false, false, "state.show_lowstate",
                "The ordered low chunks the highstate would run."));
        add(new Signature("state.show_highstate", List.of(), List.of(), SHOW, false, false, "state.show_highstate",
                "The high data of the highstate."));
        add(new Signature("state.show_top", List.of(), List.of(), SHOW, false, false, "state.show_top",
                "What the top file assigns this host: environment to SLS names."));
        add(new Signature("state.sls_exists", List.of("mods"), List.of("mods"), SHOW, true, false,
                "state.sls_exists webserver", "True when every SLS named in mods is found and renders."));
        add(new Signature("state.id_exists", List.of("ids", "mods"), List.of("ids", "mods"), SHOW, false, false,
                "state.id_exists nginx-conf,nginx webserver", "True when every ID in ids is declared in the SLS files of mods."));
    }

    private StateFunctionCatalog() {
    }

    private static void add(Signature s) {
        ALL.put(s.name(), s);
    }

    private static Set<String> minus(Set<String> set, String drop) {
        return set.stream().filter(s -> !s.equals(drop)).collect(Collectors.toUnmodifiableSet());
    }

    public static Optional<Signature> signature(String function) {
        return Optional.ofNullable(ALL.get(function));
    }

    public static boolean has(String function) {
        return ALL.containsKey(function);
    }

    /** Every state.* function, in catalogue order. */
    public static List<Signature> all() {
        return List.copyOf(ALL.values());
    }

    /** The functions that run states (take the run lock, leave a job record). */
    public static boolean runsStates(String function) {
        return Stream.of("state.apply", "state.sls", "state.highstate", "state.test", "state.sls_id", "state.single")
                .anyMatch(function::equals);
    }
}
