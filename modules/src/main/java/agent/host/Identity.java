package agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process runs as, read once from /proc (no `id` process). */
public final class Identity {

    private static int uid = -2;
    private static int gid = -2;

    private Identity() {
    }

    public static synchronized int uid() {
        load();
        return uid;
    }

    public static synchronized int gid() {
        load();
        return gid;
    }

    private static void load() {
        if (uid != -2) {
            return;
        }
        uid = 0;
        gid = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    uid = Integer.parseInt(line.split("\\s+")[2]);
                } else if (line.startsWith("Gid:")) {
                    gid = Integer.parseInt(line.split("\\s+")[2]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: assume root, the common case for an agent.
        }
    }
}
