package agent.modules.ssh;

import agent.spi.Call;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keys of a ssh_auth state's {@code source}: a file in authorized_keys format. */
final class SourceKeys {

    private SourceKeys() {
    }

    /**
     * Every key of the file, lines without options taking the state's; empty when the file does
     * not exist.
     */
    static Optional<List<SshKey>> load(Call call) throws IOException {
        String source = call.string("source").orElseThrow();
        Optional<Path> file;
        try {
            file = call.context().files().find(source, call.string("__env__", "base"));
        } catch (SecurityException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<String> defaults = call.strings("options");
        List<SshKey> keys = new ArrayList<>();
        for (String line : call.context().host().files().readText(file.get()).lines().toList()) {
            SshKey.parseLine(line).ifPresent(k -> keys.add(k.options().isEmpty() && !defaults.isEmpty()
                    ? new SshKey(defaults, k.enc(), k.key(), k.comment()) : k));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No keys detected in " + source + ". Is file properly formatted?");
        }
        return Optional.of(keys);
    }
}
