package agent.modules.user;

import agent.spi.Values;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day of /etc/shadow: days since 1970-01-01, written as that number or as a date YYYY-MM-DD. */
final class ShadowDays {

    private ShadowDays() {
    }

    static Long parse(String argument, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        String text = Values.text(value).strip();
        if (text.matches("-?\\d+")) {
            return Long.parseLong(text);
        }
        try {
            return LocalDate.parse(text).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + argument + "' must be a number of days since 1970-01-01 or a date YYYY-MM-DD, not '" + text + "'");
        }
    }
}
