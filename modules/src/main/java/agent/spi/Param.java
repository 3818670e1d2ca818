package agent.spi;

/**
 * One declared argument of a state function. A secret argument (a password hash, a token) is
 * redacted from every output, log and record, wherever its value appears.
 */
public record Param(String name, Type type, boolean required, Object defaultValue, String doc, boolean secret) {

    public Param(String name, Type type, boolean required, Object defaultValue, String doc) {
        this(name, type, required, defaultValue, doc, false);
    }

    /** What the compiler accepts for an argument; kept as lenient as Salt where Salt is lenient. */
    public enum Type {
        /** A scalar written as text; numbers and booleans are accepted and read as text. */
        STRING,
        /** A YAML boolean, or the text true/false/yes/no. */
        BOOL,
        /** An integer, or text holding one. */
        INT,
        /** A file mode: an integer such as 644 (the octal the user meant) or text such as '0644'. */
        MODE,
        /** A list; a single scalar is read as a list of one. */
        LIST,
        /** A mapping. */
        MAP,
        /** Anything. */
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

    public static Param mode(String name, String doc) {
        return new Param(name, Type.MODE, false, null, doc);
    }

    public static Param list(String name, String doc) {
        return new Param(name, Type.LIST, false, null, doc);
    }

    public static Param map(String name, String doc) {
        return new Param(name, Type.MAP, false, null, doc);
    }

    public static Param any(String name, String doc) {
        return new Param(name, Type.ANY, false, null, doc);
    }

    public Param withDefault(Object value) {
        return new Param(name, type, required, value, doc, secret);
    }

    public Param requiredArg() {
        return new Param(name, type, true, defaultValue, doc, secret);
    }

    public Param secretArg() {
        return new Param(name, type, required, defaultValue, doc, true);
    }
}
