package agent.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The arguments a state function declares, besides {@code name} and the global ones. */
public final class Schema {

    private final Map<String, Param> params = new LinkedHashMap<>();
    private boolean open;
    private Check nameCheck;

    private Schema(List<Param> list) {
        for (Param p : list) {
            if (params.put(p.name(), p) != null) {
                throw new IllegalArgumentException("argument declared twice: " + p.name());
            }
        }
    }

    public static Schema of(Param... params) {
        return new Schema(List.of(params));
    }

    /** A schema that also accepts arguments it does not declare (Salt's **kwargs). */
    public static Schema open(Param... params) {
        Schema s = new Schema(List.of(params));
        s.open = true;
        return s;
    }

    /**
     * This schema, whose states' names must pass {@code check} (a user name, a package name):
     * the name is the argument most functions hand to a program.
     */
    public Schema naming(Check check) {
        Schema s = new Schema(List.copyOf(params.values()));
        s.open = open;
        s.nameCheck = check;
        return s;
    }

    public Optional<Check> nameCheck() {
        return Optional.ofNullable(nameCheck);
    }

    public boolean isOpen() {
        return open;
    }

    /** This schema plus more arguments, for functions that share most of theirs. */
    public Schema plus(Param... more) {
        var all = new java.util.ArrayList<>(params.values());
        all.addAll(List.of(more));
        Schema s = new Schema(all);
        s.open = open;
        s.nameCheck = nameCheck;
        return s;
    }

    public Optional<Param> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Collection<Param> params() {
        return params.values();
    }

    public boolean accepts(String name) {
        return open || params.containsKey(name);
    }
}
