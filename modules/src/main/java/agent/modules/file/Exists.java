package agent.modules.file;

import agent.host.FileStat;
import agent.spi.Checks;
import agent.host.facts.FileFacts;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.file.Path;

/** file.exists and file.missing: checks that change nothing, for requisites. */
final class Exists {

    static final StateFunction EXISTS = new StateFunction("exists", Schema.of().naming(Checks.FILE),
            "Succeed when the path exists, fail when it does not; changes nothing.", call -> {
                Path path = Paths.target(call);
                FileStat st = call.context().facts().get(FileFacts.STAT, path);
                return st.exists() ? Result.ok("Path " + path + " exists")
                        : Result.failed("Specified path " + path + " does not exist");
            });

    static final StateFunction MISSING = new StateFunction("missing", Schema.of().naming(Checks.FILE),
            "Succeed when the path does not exist, fail when it does; changes nothing.", call -> {
                Path path = Paths.target(call);
                FileStat st = call.context().facts().get(FileFacts.STAT, path);
                return st.exists() ? Result.failed("Specified path " + path + " exists")
                        : Result.ok("Path " + path + " is missing");
            });

    private Exists() {
    }
}
