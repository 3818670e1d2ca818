package agent.modules.user;

import agent.host.HostFiles;
import agent.spi.RunContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the home folders of a run's users exist: looked up ahead of the user states, and
 * trusted only while no state changed anything since (then asked of the host again).
 */
final class HomeFolders {

    private final Map<String, Boolean> ahead = new ConcurrentHashMap<>();
    private volatile int aheadAt = -1;

    static HomeFolders of(RunContext run) {
        return run.shared(HomeFolders.class, HomeFolders::new);
    }

    void readAhead(HostFiles files, Iterable<String> homes, int changeCount) {
        if (aheadAt != changeCount) {
            ahead.clear();
            aheadAt = changeCount;
        }
        for (String home : homes) {
            ahead.put(home, files.isDirectory(Path.of(home)));
        }
    }

    boolean exists(HostFiles files, String home, int changeCount) {
        Boolean known = changeCount == aheadAt ? ahead.get(home) : null;
        return known != null ? known : files.isDirectory(Path.of(home));
    }
}
