package agent.report.returners;

import agent.InputError;
import agent.report.jobs.JobRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code --return jsonl:PATH}: one JSON line per run, appended in a single write. */
public final class JsonlReturner implements Returner {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void send(JobRecord job, String json, String argument) throws IOException {
        if (argument.isEmpty()) {
            throw new InputError("the jsonl returner needs a file: --return jsonl:/var/log/agent/runs.jsonl");
        }
        Path file = Path.of(argument);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        // O_APPEND and one write: lines of concurrent writers never interleave.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
