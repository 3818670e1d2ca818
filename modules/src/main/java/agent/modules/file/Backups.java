package agent.modules.file;

import agent.spi.Call;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** {@code backup: minion}: the replaced file is kept under the cache folder, as Salt keeps it. */
final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE_MMM_dd_HH:mm:ss_SSSSSS_yyyy");

    private Backups() {
    }

    static void save(Call call, Path path, byte[] old) throws IOException {
        Path dir = call.context().cacheDir().resolve("file_backup").resolve(path.getParent().toString().substring(1));
        call.context().host().files().makeFolders(dir);
        Path copy = dir.resolve(path.getFileName() + "_" + LocalDateTime.now().format(STAMP));
        call.context().host().files().write(copy, old, agent.host.Ownership.ofMode(0600));
    }
}
