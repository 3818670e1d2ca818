package agent.spi;

import java.util.List;

/**
 * One declared argument of a state function: its name, the exact type of value it takes, and
 * optionally a {@link Check} every value must pass (a user name, a port range). The compiler
 * refuses a value of another type, or one the check refuses, before anything runs. A secret
 * argument (a password hash, a token) is redacted from every output, log and record.
 *
 * @param element for a {@link Type#LIST}, the type of each item (null: any single value)
 * @param choices for a {@link Type#ONE_OF}, the texts it takes
 * @param check   what each value (each item of a list) must also pass; null: nothing more
 */
public record Param(String name, Type type, boolean required, Object defaultValue, String doc, boolean secret,
                    Type element, List<String> choices, Check check) {

    public Param(String name, Type type, boolean required, Object defaultValue, String doc) {
        this(name, type, required, defaultValue, doc, false);
    }

    public Param(String name, Type type, boolean required, Object defaultValue, String doc, boolean secret) {
        this(name, type, required, defaultValue, doc, secret, null, List.of(), null);
    }

    public Param {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (type == Type.ONE_OF && choices.isEmpty()) {
            throw new IllegalArgumentException("one-of argument without choices: " + name);
        }
    }

    /** The types of value an argument takes; {@link ArgTypes} says what each accepts. */
    public enum Type {
        /** One value read as text: a string, or a number (Salt reads {@code 1.10} as text here too). */
        STRING,
        /** True or false: a YAML boolean or one of Salt's boolean words ({@link Booleans}). */
        BOOL,
        /** A whole number, or text holding one (Salt converts it). */
        INT,
        /** Any number, or text holding one. */
        NUMBER,
        /** A file mode: an integer such as 644 (the octal the user meant) or text such as '0644'. */
        MODE,
        /** A list of {@link Param#element()}; a single value is read as a list of one. */
        LIST,
        /** A mapping. */
        MAP,
        /** One of the texts in {@link Param#choices()}. */
        ONE_OF,
        /** Anything (the function checks it in its {@link Validation}). */
        ANY
    }

    public static Param string(String name, String doc) {
        return new Param(name, Type.STRING, false, null, doc);
    }

    public static Param bool(String name, boolean dflt, String doc) {
        return new Param(name, Type.BOOL, false, dflt, doc);
    }

    public static Param integer(String name, String doc) {
        return new Param(name, Type.INT, false, null, doc);
    }

    public static Param number(String name, String doc) {
        return new Param(name, Type.NUMBER, false, null, doc);
    }

    public static Param mode(String name, String doc) {
        return new Param(name, Type.MODE, false, null, doc);
    }

    /** A list of single values (texts, numbers), each read as text. */
    public static Param list(String name, String doc) {
        return listOf(name, Type.STRING, doc);
    }

    /** A list whose items are each of {@code element}; {@link Type#ANY} for lists of mappings and values mixed. */
    public static Param listOf(String name, Type element, String doc) {
        return new Param(name, Type.LIST, false, null, doc, false, element, List.of(), null);
    }

    public static Param map(String name, String doc) {
        return new Param(name, Type.MAP, false, null, doc);
    }

    public static Param oneOf(String name, String doc, String... choices) {
        return new Param(name, Type.ONE_OF, false, null, doc, false, null, List.of(choices), null);
    }

    public static Param any(String name, String doc) {
        return new Param(name, Type.ANY, false, null, doc);
    }

    public Param withDefault(Object value) {
        return new Param(name, type, required, value, doc, secret, element, choices, check);
    }

    public Param requiredArg() {
        return new Param(name, type, true, defaultValue, doc, secret, element, choices, check);
    }

    public Param secretArg() {
        return new Param(name, type, required, defaultValue, doc, true, element, choices, check);
    }

    /** This argument, each of whose values must also pass {@code more} (an identifier's rule, a range). */
    public Param checked(Check more) {
        return new Param(name, type, required, defaultValue, doc, secret, element, choices,
                check == null ? more : check.and(more));
    }

    /** The type as the reference names it: "integer", "list of text", "one of `a`, `b`". */
    public String typeName() {
        return switch (type) {
            case LIST -> "list of " + (element == null || element == Type.STRING ? "text" : element == Type.ANY
                    ? "values" : new Param(name, element, false, null, doc, false, null, choices, null).typeName());
            case ONE_OF -> "one of " + String.join(", ", choices.stream().map(c -> "`" + c + "`").toList());
            case STRING -> "text";
            case BOOL -> "boolean";
            case INT -> "integer";
            case NUMBER -> "number";
            case MODE -> "mode";
            case MAP -> "mapping";
            case ANY -> "any";
        };
    }

    /** What is wrong with {@code value} for this argument, as the end of a sentence; null when nothing. */
    public String problem(Object value) {
        return ArgTypes.problem(this, value);
    }
}
