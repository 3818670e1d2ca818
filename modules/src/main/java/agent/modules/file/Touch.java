package agent.modules.file;

import agent.host.FileStat;
import agent.host.HostFiles;
import agent.host.Ownership;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** file.touch: the file exists, with fresh (or given) access and modification times. */
final class Touch {

    static final StateFunction FUNCTION = new StateFunction("touch", Paths.schema(
            Param.integer("atime", "Access time, seconds since the epoch"),
            Param.integer("mtime", "Modification time, seconds since the epoch"),
            Param.bool("makedirs", false, "Create missing parent folders")),
            "Create an empty file or update its times, like touch(1).", Touch::apply);

    private Touch() {
    }

    static Result apply(Call call) throws Exception {
        Path path = Paths.target(call);
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        FileStat current = facts.get(FileFacts.STAT, path);
        if (!current.exists() && Paths.isParentMissing(facts, path) && !call.bool("makedirs")) {
            return Result.failed("Directory not present to touch file " + path);
        }
        if (call.test()) {
            return current.exists()
                    ? Result.pending(Map.of("touched", path.toString()), "File " + path + " set to have its times updated")
                    : Result.pending(Map.of("new", path.toString()), "File " + path + " is set to be created");
        }
        Instant now = Instant.now();
        Instant atime = call.integer("atime").map(Instant::ofEpochSecond).orElse(now);
        Instant mtime = call.integer("mtime").map(Instant::ofEpochSecond).orElse(now);
        Paths.makeParents(files, path, Ownership.UNCHANGED);
        files.touch(path, atime, mtime);
        return current.exists()
                ? Result.changed(Map.of("touched", path.toString()), "Updated times on file " + path)
                : Result.changed(Map.of("new", path.toString()), "Created empty file " + path);
    }
}
