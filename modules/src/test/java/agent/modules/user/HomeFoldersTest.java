package agent.modules.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.HostFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was looked up ahead answers only while the run's change count stays where it was. */
class HomeFoldersTest {

    @TempDir
    Path dir;

    @Test
    void answersFromAheadUntilTheRunChangesSomething() throws Exception {
        HostFiles files = new HostFiles();
        Path home = Files.createDirectory(dir.resolve("alice"));
        HomeFolders homes = new HomeFolders();
        homes.readAhead(files, List.of(home.toString()), 3);
        Files.delete(home);
        assertTrue(homes.exists(files, home.toString(), 3), "read ahead, nothing changed since");
        assertFalse(homes.exists(files, home.toString(), 4), "a state changed something: asked again");
        assertFalse(homes.exists(files, dir.resolve("bob").toString(), 3), "not read ahead: asked");
    }
}
