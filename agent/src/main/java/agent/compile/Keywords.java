package agent.compile;

import java.util.Set;

/** Argument names the engine handles itself, accepted by every state function. */
public final class Keywords {

    private Keywords() {
    }

    /** Requisites that make a state wait for (and depend on) others. */
    public static final Set<String> REQUISITES = Set.of("require", "require_any", "watch", "watch_any",
            "onchanges", "onchanges_any", "onfail", "onfail_any", "onfail_all", "onfail_stop", "prereq",
            "prerequired", "listen");

    /** Requisites declared on the target's side. */
    public static final Set<String> REQUISITES_IN = Set.of("require_in", "watch_in", "onchanges_in",
            "onfail_in", "prereq_in", "listen_in", "use_in");

    /** Global arguments the executor applies around any state function. */
    public static final Set<String> RUNTIME = Set.of("fun", "state", "name", "names", "check_cmd", "failhard",
            "onlyif", "unless", "creates", "retry", "order", "parallel", "reload_modules", "reload_grains",
            "reload_pillar", "runas", "runas_password", "fire_event", "saltenv", "use", "aggregate",
            "__env__", "__sls__", "__id__", "__prereq__", "__prerequired__", "name_order");

    /** Is this argument handled by the engine rather than the state function? */
    public static boolean isGlobal(String arg) {
        return REQUISITES.contains(arg) || REQUISITES_IN.contains(arg) || RUNTIME.contains(arg);
    }
}
