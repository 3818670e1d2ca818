package agent.modules.user;

import agent.host.HostFiles;
import agent.spi.ReadAheadMap;
import agent.spi.RunContext;
import java.nio.file.Path;

/** Whether the home folders of a run's users exist: looked up ahead of the user states. */
final class HomeFolders {

    private final ReadAheadMap<String, Boolean> ahead = new ReadAheadMap<>();

    static HomeFolders of(RunContext run) {
        return run.shared(HomeFolders.class, HomeFolders::new);
    }

    void readAhead(HostFiles files, Iterable<String> homes, int changeCount) {
        for (String home : homes) {
            ahead.put(changeCount, home, files.isDirectory(Path.of(home)));
        }
    }

    boolean exists(HostFiles files, String home, int changeCount) {
        Boolean known = ahead.get(changeCount, home);
        return known != null ? known : files.isDirectory(Path.of(home));
    }
}
