package agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which init system manages services on this host, read from the host itself (not from grains,
 * so modules stay independent of the engine): systemd when it is running as PID 1, sysvinit
 * scripts otherwise.
 */
public enum InitSystem {
    SYSTEMD,
    SYSVINIT;

    /** Decides from the root {@code /}. */
    public static InitSystem detect() {
        return detect(Path.of("/"));
    }

    /**
     * systemd's own test (sd_booted): {@code /run/systemd/system} exists only while systemd is
     * PID 1. PID 1's name is the fallback for a /run that is not mounted yet.
     */
    public static InitSystem detect(Path root) {
        if (Files.isDirectory(root.resolve("run/systemd/system"))) {
            return SYSTEMD;
        }
        try {
            String comm = Files.readString(root.resolve("proc/1/comm")).strip();
            if (comm.equals("systemd")) {
                return SYSTEMD;
            }
        } catch (IOException e) {
            // No /proc: nothing says systemd.
        }
        return SYSVINIT;
    }
}
