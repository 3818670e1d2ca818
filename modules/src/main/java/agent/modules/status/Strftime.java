package agent.modules.status;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Python's time.strftime for the C locale's directives (%Y, %m, %d, %H, %M, %S, %A, %B ...). */
final class Strftime {

    private Strftime() {
    }

    static String format(String pattern, LocalDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch != '%' || i + 1 == pattern.length()) {
                sb.append(ch);
                continue;
            }
            char d = pattern.charAt(++i);
            sb.append(switch (d) {
                case 'Y' -> String.valueOf(t.getYear());
                case 'y' -> two(t.getYear() % 100);
                case 'm' -> two(t.getMonthValue());
                case 'd' -> two(t.getDayOfMonth());
                case 'e' -> String.format("%2d", t.getDayOfMonth());
                case 'H' -> two(t.getHour());
                case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
                case 'M' -> two(t.getMinute());
                case 'S' -> two(t.getSecond());
                case 'f' -> String.format("%06d", t.getNano() / 1000);
                case 'p' -> t.getHour() < 12 ? "AM" : "PM";
                case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'j' -> String.format("%03d", t.getDayOfYear());
                case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
                case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
                case 'F' -> t.format(DateTimeFormatter.ISO_LOCAL_DATE);
                case 'T' -> two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond());
                case 'D' -> two(t.getMonthValue()) + "/" + two(t.getDayOfMonth()) + "/" + two(t.getYear() % 100);
                case 'R' -> two(t.getHour()) + ":" + two(t.getMinute());
                case 'n' -> "\n";
                case 't' -> "\t";
                case '%' -> "%";
                default -> "%" + d;
            });
        }
        return sb.toString();
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
