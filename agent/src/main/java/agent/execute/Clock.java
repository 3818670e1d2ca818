package agent.execute;

import java.nio.charset.StandardCharsets;
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

    /** Called for every state: formatted by hand into Latin-1 bytes, no formatter, no boxing. */
    static String startTime() {
        Instant now = Instant.now();
        ZoneId z = zone();
        int offset = z instanceof ZoneOffset fixed ? fixed.getTotalSeconds() : z.getRules().getOffset(now).getTotalSeconds();
        int secOfDay = (int) Math.floorMod(now.getEpochSecond() + offset, 86400L);
        int micros = now.getNano() / 1000;
        byte[] b = {'0', '0', ':', '0', '0', ':', '0', '0', '.', '0', '0', '0', '0', '0', '0'};
        twoDigits(b, 0, secOfDay / 3600);
        twoDigits(b, 3, secOfDay / 60 % 60);
        twoDigits(b, 6, secOfDay % 60);
        for (int i = 14; i > 8; i--, micros /= 10) {
            b[i] = (byte) ('0' + micros % 10);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void twoDigits(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
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
