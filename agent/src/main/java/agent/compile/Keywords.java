package agent.compile;

import java.util.Set;

/** Argument names the engine handles itself, accepted by every state function. */
public final class Keywords {

    private Keywords() {
    }

    /** Requisites that make a state wait for (and depend on) others ({@link Requisite}). */
    public static final Set<String> REQUISITES = Requisite.KEYS;

    /** Requisites declared on the target's side. */
    public static final Set<String> REQUISITES_IN = Requisite.IN_KEYS;

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
