package agent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEAR's registry files, as pecl install writes them, read without PHP. */
class PearRegistryTest {

    @TempDir
    Path dir;

    /** A package.xml 2.0 entry, shaped as pecl writes them (fields trimmed), with a UTF-8 summary. */
    static String v2(String name, String channel, String version, String state) {
        String summary = "Größe test";
        return "a:7:{s:7:\"attribs\";a:1:{s:7:\"version\";s:3:\"2.0\";}s:4:\"name\";s:" + name.length() + ":\"" + name
                + "\";s:7:\"channel\";s:" + channel.length() + ":\"" + channel + "\";s:7:\"summary\";s:"
                + summary.getBytes(StandardCharsets.UTF_8).length + ":\"" + summary + "\";s:7:\"version\";a:2:{s:7:\"release\";s:"
                + version.length() + ":\"" + version + "\";s:3:\"api\";s:5:\"1.0.0\";}s:9:\"stability\";a:2:{s:7:\"release\";s:"
                + state.length() + ":\"" + state + "\";s:3:\"api\";s:6:\"stable\";}s:8:\"filelist\";a:1:{s:8:\"hello.so\";"
                + "a:3:{s:7:\"php_api\";i:0;s:6:\"active\";b:1;s:12:\"_lastversion\";N;}}}";
    }

    @Test
    void readsEveryChannelsPackages() throws Exception {
        Path reg = dir.resolve(".registry");
        Files.createDirectories(reg.resolve(".channel.pecl.test"));
        Files.createDirectories(reg.resolve(".channel.__uri"));
        Files.writeString(reg.resolve("archive_tar.reg"), v2("Archive_Tar", "pear.php.net", "1.4.14", "stable"));
        Files.writeString(reg.resolve(".channel.pecl.test/hello.reg"), v2("hello", "pecl.test", "1.2.1", "stable"));
        Files.writeString(reg.resolve(".channel.pecl.test/world.reg"), v2("world", "pecl.test", "2.2.2", "beta"));
        List<PearRegistry.Package> all = PearRegistry.at(reg).all().orElseThrow().stream()
                .sorted(Comparator.comparing(PearRegistry.Package::name)).toList();
        assertEquals(List.of(new PearRegistry.Package("pear.php.net", "Archive_Tar", "1.4.14", "stable"),
                new PearRegistry.Package("pecl.test", "hello", "1.2.1", "stable"),
                new PearRegistry.Package("pecl.test", "world", "2.2.2", "beta")), all);
    }

    @Test
    void findsOnePackageInItsOwnFile() throws Exception {
        Path reg = dir.resolve(".registry");
        Files.createDirectories(reg.resolve(".channel.pecl.test"));
        Files.createDirectories(reg.resolve(".channel.pecl.php.net"));
        Files.createDirectories(reg.resolve(".channel.__uri"));
        Files.writeString(reg.resolve("archive_tar.reg"), v2("Archive_Tar", "pear.php.net", "1.4.14", "stable"));
        Files.writeString(reg.resolve("hello.reg"), v2("hello", "pear.php.net", "0.1.0", "alpha"));
        // The file pecl 1.10.13 wrote for the test channel's extension (testing/fixtures/pecl-channel.sh).
        try (var real = PearRegistryTest.class.getResourceAsStream("benchone.reg")) {
            Files.write(reg.resolve(".channel.pecl.test/benchone.reg"), real.readAllBytes());
        }
        Files.writeString(reg.resolve(".channel.pecl.test/hello.reg"), v2("hello", "pecl.test", "1.2.1", "stable"));
        Files.writeString(reg.resolve(".channel.pecl.php.net/world.reg"), v2("world", "pecl.php.net", "2.0.0", "stable"));
        Files.writeString(reg.resolve(".channel.pecl.test/world.reg"), v2("world", "pecl.test", "2.2.2", "beta"));
        Files.createDirectories(reg.resolve(".channel.mixed.test"));
        Files.writeString(reg.resolve(".channel.mixed.test/mixed.reg"), v2("Mixed", "Mixed.Test", "3.0", "stable"));
        PearRegistry registry = PearRegistry.at(reg);

        assertEquals(new PearRegistry.Package("pecl.test", "benchone", "1.0.0", "stable"),
                registry.find("pecl.test", "benchone").orElseThrow());
        assertEquals(new PearRegistry.Package("pecl.test", "benchone", "1.0.0", "stable"),
                registry.find("PECL.Test", "BenchOne").orElseThrow(), "names are case-insensitive");
        assertEquals("benchone", registry.find(null, "benchone").orElseThrow().name(), "a bare name: any channel");
        assertEquals("pecl.php.net", registry.find(null, "world").orElseThrow().channel(), "pecl.php.net first");
        assertEquals("pear.php.net", registry.find(null, "hello").orElseThrow().channel(), "then pear.php.net");
        assertEquals("1.4.14", registry.find("pear.php.net", "archive_tar").orElseThrow().version());
        assertEquals(new PearRegistry.Package("mixed.test", "Mixed", "3.0", "stable"), registry.find(null, "mixed").orElseThrow(),
                "the channel in lower case, as pecl list prints it");
        assertTrue(registry.find("pecl.test", "archive_tar").isEmpty());
        assertTrue(registry.find("nowhere.test", "hello").isEmpty(), "an unknown channel");
        assertTrue(registry.find(null, "nothing").isEmpty());
    }

    @Test
    void aFileNotAsPearWritesItIsNoAnswer() throws Exception {
        Path reg = dir.resolve(".registry");
        Files.createDirectories(reg.resolve(".channel.pecl.test"));
        Files.writeString(reg.resolve(".channel.pecl.test/moved.reg"), v2("other", "pecl.test", "1.0", "stable"));
        Files.writeString(reg.resolve(".channel.pecl.test/odd.reg"), "O:8:\"stdClass\":0:{}");
        PearRegistry registry = PearRegistry.at(reg);
        assertThrows(IllegalArgumentException.class, () -> registry.find("pecl.test", "moved"), "another package's file");
        assertThrows(IllegalArgumentException.class, () -> registry.find(null, "odd"), "an object");
        Files.writeString(reg.resolve(".channel.pecl.test/long.reg"), "a:2:{s:4:\"name\";s:4:\"long\";s:5:\"notes\";s:99:\"cut\";}");
        assertThrows(IllegalArgumentException.class, () -> registry.find(null, "long"), "a string longer than its file");
        Files.writeString(reg.resolve(".channel.pecl.test/back.reg"), "a:2:{s:4:\"name\";s:4:\"back\";s:5:\"notes\";s:-9:\"\";}");
        assertThrows(IllegalArgumentException.class, () -> registry.find(null, "back"), "a negative length");
    }

    @Test
    void readsPackageXmlOneEntries() {
        String v1 = "a:4:{s:7:\"package\";s:3:\"Foo\";s:7:\"version\";s:5:\"1.0.2\";s:13:\"release_state\";s:4:\"beta\";"
                + "s:12:\"release_date\";s:10:\"2004-01-01\";}";
        assertEquals(new PearRegistry.Package("pear.php.net", "Foo", "1.0.2", "beta"),
                PearRegistry.entry(v1.getBytes(StandardCharsets.UTF_8), "pear.php.net"));
    }

    @Test
    void anythingElseMeansAskPecl() throws Exception {
        assertTrue(PearRegistry.at(dir.resolve("missing")).all().isEmpty(), "no registry");
        Path reg = dir.resolve(".registry");
        Files.createDirectories(reg);
        Files.writeString(reg.resolve("odd.reg"), "O:8:\"stdClass\":0:{}");
        assertTrue(PearRegistry.at(reg).all().isEmpty(), "an object");
        Files.writeString(reg.resolve("odd.reg"), v2("cut", "pear.php.net", "1.0", "stable").substring(0, 60));
        assertTrue(PearRegistry.at(reg).all().isEmpty(), "a truncated file");
    }

    @Test
    void onlyAConfigurationThatSetsPhpDirMovesTheRegistry() throws Exception {
        Path channelsOnly = dir.resolve("pearrc");
        Files.writeString(channelsOnly, "#PEAR_Config 0.9\na:1:{s:10:\"__channels\";a:2:{s:5:\"__uri\";a:0:{}"
                + "s:9:\"pecl.test\";a:0:{}}}");
        assertFalse(PearRegistry.movesRegistry(channelsOnly));
        assertFalse(PearRegistry.movesRegistry(dir.resolve("absent")));
        Path phpDir = dir.resolve("pear.conf");
        Files.writeString(phpDir, "#PEAR_Config 0.9\na:1:{s:7:\"php_dir\";s:8:\"/opt/php\";}");
        assertTrue(PearRegistry.movesRegistry(phpDir));
        Path perChannel = dir.resolve("channel");
        Files.writeString(perChannel, "#PEAR_Config 0.9\na:1:{s:10:\"__channels\";a:1:{s:9:\"pecl.test\";"
                + "a:1:{s:7:\"php_dir\";s:4:\"/opt\";}}}");
        assertTrue(PearRegistry.movesRegistry(perChannel));
        Path garbage = dir.resolve("garbage");
        Files.writeString(garbage, "not php");
        assertTrue(PearRegistry.movesRegistry(garbage));
    }
}
