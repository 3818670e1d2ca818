package agent.modules.file;

import agent.host.FileStat;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.file.Path;
import java.util.Map;

/** file.absent: nothing at this path. */
final class Absent {

    static final StateFunction FUNCTION = new StateFunction("absent", Schema.of().naming(Checks.FILE),
            "Make sure a file, link or directory (with its contents) is not there.", Absent::apply);

    private Absent() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        if (path.getParent() == null) {
            return Result.failed("Refusing to make \"/\" absent");
        }
        FileStat current = call.context().facts().get(FileFacts.STAT, path);
        if (!current.exists()) {
            return Result.ok("File " + path + " is not present");
        }
        Map<String, Object> changes = Map.of("removed", path.toString());
        String kind = current.isDirectory() ? "directory" : "file";
        if (call.test()) {
            return Result.pending(changes, (current.isDirectory() ? "Directory " : "File ") + path + " is set for removal");
        }
        call.context().host().files().delete(path);
        return Result.changed(changes, "Removed " + kind + " " + path);
    }
}
