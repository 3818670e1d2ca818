package agent.execute;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Local wall-clock time as Salt prints start times ("HH:MM:SS.ffffff"), cheaply: on a UTC host
 * (the usual server and container setting) the time-zone database is never loaded.
 */
final class Clock {

    private static ZoneId zone;

    private Clock() {
    }

    static String startTime() {
        Instant now = Instant.now();
        long seconds = now.getEpochSecond() + zone().getRules().getOffset(now).getTotalSeconds();
        long secOfDay = Math.floorMod(seconds, 86400L);
        long micros = now.getNano() / 1000;
        StringBuilder sb = new StringBuilder(15);
        two(sb, secOfDay / 3600).append(':');
        two(sb, secOfDay / 60 % 60).append(':');
        two(sb, secOfDay % 60).append('.');
        String m = Long.toString(micros);
        sb.append("000000", 0, 6 - m.length()).append(m);
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    private static synchronized ZoneId zone() {
        if (zone == null) {
            zone = isUtc() ? ZoneOffset.UTC : ZoneId.systemDefault();
        }
        return zone;
    }

    /** TZ unset or UTC, and /etc/localtime absent or pointing at a UTC zone. */
    private static boolean isUtc() {
        String tz = System.getenv("TZ");
        if (tz != null && !tz.isEmpty()) {
            return tz.equals("UTC") || tz.equals(":UTC") || tz.equals("Etc/UTC") || tz.equals(":Etc/UTC");
        }
        try {
            java.nio.file.Path lt = java.nio.file.Path.of("/etc/localtime");
            if (!java.nio.file.Files.exists(lt)) {
                return true;
            }
            String target = java.nio.file.Files.isSymbolicLink(lt) ? java.nio.file.Files.readSymbolicLink(lt).toString() : "";
            return target.endsWith("/UTC") || target.endsWith("/Etc/UTC") || target.endsWith("/UCT") || target.endsWith("/Zulu");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
