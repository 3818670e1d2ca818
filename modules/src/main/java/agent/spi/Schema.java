package agent.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The arguments a state function declares, besides {@code name} and the global ones. */
public final class Schema {

    private final Map<String, Param> params = new LinkedHashMap<>();
    private boolean open;
    private Check nameCheck;
    private Function<Args, List<String>> hiddenWhen;

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
        s.hiddenWhen = hiddenWhen;
        return s;
    }

    /**
     * This schema, whose states also hide the arguments {@code rule} names for their values (a
     * file's contents when only its owner may read it), besides those declared secret.
     */
    public Schema hidingWhen(Function<Args, List<String>> rule) {
        Schema s = new Schema(List.copyOf(params.values()));
        s.open = open;
        s.nameCheck = nameCheck;
        s.hiddenWhen = rule;
        return s;
    }

    /** The arguments whose values are secret in a state with these arguments. */
    public List<String> secrets(Args args) {
        List<String> out = new java.util.ArrayList<>();
        for (Param p : params.values()) {
            if (p.secret()) {
                out.add(p.name());
            }
        }
        if (hiddenWhen != null) {
            out.addAll(hiddenWhen.apply(args));
        }
        return out;
    }

    /** Whether {@link #secrets} can differ from state to state. */
    public boolean hidesByValue() {
        return hiddenWhen != null;
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
        s.hiddenWhen = hiddenWhen;
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
