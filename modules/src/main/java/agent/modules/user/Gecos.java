package agent.modules.user;

import agent.spi.Check;
import agent.spi.Values;
import java.util.List;

/**
 * The GECOS field of /etc/passwd as Salt reads it: full name, room number, work phone, home
 * phone, and everything after the fourth comma as "other".
 */
record Gecos(String fullname, String roomnumber, String workphone, String homephone, String other) {

    /** The parts by their Salt argument names, in field order. */
    static final List<String> PARTS = List.of("fullname", "roomnumber", "workphone", "homephone", "other");

    /** A part cannot hold the passwd file's field separator, nor a line break (usermod refuses them). */
    static final Check FIELD = v -> Values.text(v).chars().anyMatch(c -> c == ':' || c < 0x20)
            ? "must not contain ':' or control characters" : null;

    static Gecos parse(String field) {
        String[] f = field.split(",", 5);
        return new Gecos(at(f, 0), at(f, 1), at(f, 2), at(f, 3), at(f, 4));
    }

    /** The field as usermod -c takes it: trailing empty parts dropped. */
    String format() {
        String s = String.join(",", fullname, roomnumber, workphone, homephone, other);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ',') {
            end--;
        }
        return s.substring(0, end);
    }

    /** This GECOS with one part replaced, by its Salt argument name. */
    Gecos with(String part, String value) {
        return switch (part) {
            case "fullname" -> new Gecos(value, roomnumber, workphone, homephone, other);
            case "roomnumber" -> new Gecos(fullname, value, workphone, homephone, other);
            case "workphone" -> new Gecos(fullname, roomnumber, value, homephone, other);
            case "homephone" -> new Gecos(fullname, roomnumber, workphone, value, other);
            case "other" -> new Gecos(fullname, roomnumber, workphone, homephone, value);
            default -> throw new IllegalArgumentException("not a GECOS part: " + part);
        };
    }

    String get(String part) {
        return switch (part) {
            case "fullname" -> fullname;
            case "roomnumber" -> roomnumber;
            case "workphone" -> workphone;
            case "homephone" -> homephone;
            case "other" -> other;
            default -> throw new IllegalArgumentException("not a GECOS part: " + part);
        };
    }

    private static String at(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }
}
