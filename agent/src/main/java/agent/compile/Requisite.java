package agent.compile;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Salt's requisites as a state writes them ({@code require: [...]}), in the order the executor
 * weighs them. The {@code _in} forms are written on the target's side and become these on the
 * state they name ({@link RequisiteIn}); {@code prerequired} is what a {@code prereq} gives its
 * target.
 */
public enum Requisite {
    REQUIRE(Kind.ORDERS),
    REQUIRE_ANY(Kind.ORDERS),
    WATCH(Kind.ORDERS),
    WATCH_ANY(Kind.ORDERS),
    /** Its target runs after this state's test run, and decides whether this state runs. */
    PREREQ(Kind.DECIDES),
    ONFAIL(Kind.ORDERS),
    ONFAIL_ANY(Kind.ORDERS),
    ONFAIL_ALL(Kind.ORDERS),
    ONCHANGES(Kind.ORDERS),
    ONCHANGES_ANY(Kind.ORDERS),
    PREREQUIRED(Kind.ORDERS),
    /** Salt accepts it beside onfail; it orders, and decides nothing of its own. */
    ONFAIL_STOP(Kind.ORDERS_ONLY),
    /** Reorders nothing: the listener's mod_watch runs at the end of the run. */
    LISTEN(Kind.AT_THE_END);

    private enum Kind { ORDERS, ORDERS_ONLY, DECIDES, AT_THE_END }

    /** The {@code _in} keys: each is written on a target and becomes a requisite on the writer's side. */
    public static final Set<String> IN_KEYS = Set.of("require_in", "watch_in", "onchanges_in", "onfail_in",
            "prereq_in", "listen_in", "use_in");

    /** Every requisite key a state may write ({@code require} ... {@code listen}). */
    public static final Set<String> KEYS = EnumSet.allOf(Requisite.class).stream().map(Requisite::key)
            .collect(Collectors.toUnmodifiableSet());

    private final Kind kind;
    private final String key;

    Requisite(Kind kind) {
        this.kind = kind;
        this.key = name().toLowerCase(Locale.ROOT);
    }

    /** As written in SLS. */
    public String key() {
        return key;
    }

    public static Optional<Requisite> of(String key) {
        for (Requisite r : values()) {
            if (r.key.equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Its targets run before the state that names them (so they take part in cycles). */
    public boolean orders() {
        return kind == Kind.ORDERS || kind == Kind.ORDERS_ONLY;
    }

    /** The executor weighs it before running the state: run, wait, or skip. */
    public boolean decides() {
        return kind == Kind.ORDERS || kind == Kind.DECIDES;
    }

    /** {@code watch} and {@code watch_any}: a changed target calls the state's mod_watch. */
    public boolean watches() {
        return this == WATCH || this == WATCH_ANY;
    }

    /** {@code onfail}, {@code onfail_any}, {@code onfail_all}. */
    public boolean onFail() {
        return this == ONFAIL || this == ONFAIL_ANY || this == ONFAIL_ALL;
    }

    /** {@code onchanges}, {@code onchanges_any}. */
    public boolean onChanges() {
        return this == ONCHANGES || this == ONCHANGES_ANY;
    }

    /** Met when any one target is ({@code _any}; plain {@code onfail} too, as in Salt). */
    public boolean anyTarget() {
        return this == REQUIRE_ANY || this == WATCH_ANY || this == ONCHANGES_ANY || this == ONFAIL_ANY || this == ONFAIL;
    }

    /** A watch on a module without mod_watch is a require. */
    public Requisite withoutModWatch() {
        return switch (this) {
            case WATCH -> REQUIRE;
            case WATCH_ANY -> REQUIRE_ANY;
            default -> this;
        };
    }

    /** The requisites whose targets must run first, in the executor's order. */
    public static List<Requisite> ordering() {
        return EnumSet.allOf(Requisite.class).stream().filter(Requisite::orders).toList();
    }
}
