package agent.host.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.Command;
import agent.host.Host;
import agent.host.Ownership;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's facts: read once, dropped by the changes that touch them, never handed out stale. */
class FactsTest {

    @TempDir
    Path dir;

    private final Host host = Host.local();
    private final AtomicInteger reads = new AtomicInteger();

    /** The text of a file in {@link #dir}, counting reads. */
    private Fact<String, String> textOf(Path file) {
        return new SimpleFileFact<>("text", Set.of(file), (h, key) -> {
            reads.incrementAndGet();
            return Files.readString(file);
        });
    }

    @Test
    void aValueIsReadOnceWhileNothingChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "one");
        Fact<String, String> fact = textOf(file);
        try (Facts facts = new Facts(host)) {
            assertEquals("one", facts.get(fact, "k"));
            assertEquals("one", facts.get(fact, "k"));
            assertEquals(1, reads.get());
        }
    }

    @Test
    void aWriteThroughTheHostLayerDropsWhatItTouches() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "one");
        Path other = dir.resolve("b");
        Fact<String, String> fact = textOf(file);
        try (Facts facts = new Facts(host)) {
            facts.get(fact, "k");
            host.files().write(other, "x".getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
            assertEquals("one", facts.get(fact, "k"));
            assertEquals(1, reads.get(), "a write elsewhere keeps it");
            host.files().write(file, "two".getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
            assertEquals("two", facts.get(fact, "k"));
            assertEquals(2, reads.get());
        }
    }

    @Test
    void aProcessDropsFileFactsButAQueryDoesNot() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "one");
        Fact<String, String> fact = textOf(file);
        try (Facts facts = new Facts(host)) {
            facts.get(fact, "k");
            host.commands().run(Command.of("true").asQuery());
            facts.get(fact, "k");
            assertEquals(1, reads.get(), "a query changes nothing");
            host.commands().run(Command.of("sh", "-c", "echo three > " + file));
            assertEquals("three\n", facts.get(fact, "k"));
            assertEquals(2, reads.get());
        }
    }

    @Test
    void aValueReadAheadBeforeAChangeIsNotHandedOutAfterIt() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "old");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        Fact<String, String> slow = new SimpleFileFact<>("slow", Set.of(file), (h, key) -> {
            String text = Files.readString(file);
            reading.countDown();
            try {
                changed.await();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            return text;
        });
        try (Facts facts = new Facts(host)) {
            Thread ahead = new Thread(() -> facts.readAhead(List.of(new Need<>(slow, "k"))));
            ahead.start();
            reading.await();
            host.files().write(file, "new".getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
            changed.countDown();
            ahead.join();
            assertEquals("new", facts.get(slow, "k"));
        }
    }

    @Test
    void predictionsAreKeptApartFromWhatIsRead() throws Exception {
        try (Facts facts = new Facts(host)) {
            assertEquals(Optional.empty(), facts.predicted(AccountFacts.GROUP, "nosuchgroup-facts"));
            facts.predict(AccountFacts.GROUP, "nosuchgroup-facts", new agent.host.Accounts.Group("nosuchgroup-facts", "", -1, List.of()));
            assertTrue(facts.predicted(AccountFacts.GROUP, "nosuchgroup-facts").isPresent());
            assertEquals(null, facts.get(AccountFacts.GROUP, "nosuchgroup-facts"), "the host still has no such group");
        }
    }

    @Test
    void aPathFactDropsOnlyWhatIsAtAboveOrBelowAChange() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("d"));
        Path inside = Files.writeString(folder.resolve("f"), "one");
        Path beside = Files.writeString(dir.resolve("e"), "two");
        try (Facts facts = new Facts(host)) {
            var folderBefore = facts.get(FileFacts.STAT, folder);
            var besideBefore = facts.get(FileFacts.STAT, beside);
            assertEquals("one", facts.get(FileFacts.TEXT, inside));
            host.files().write(inside, "three".getBytes(StandardCharsets.UTF_8), Ownership.UNCHANGED);
            assertEquals("three", facts.get(FileFacts.TEXT, inside), "the path changed");
            assertTrue(besideBefore == facts.get(FileFacts.STAT, beside), "a path beside it is kept");
            assertTrue(folderBefore != facts.get(FileFacts.STAT, folder), "the folder above it is read again");
            host.files().delete(folder);
            assertEquals(null, facts.get(FileFacts.TEXT, inside), "a path below a removed folder is read again");
        }
    }

    @Test
    void aValueIsReadAgainOnRequest() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "one");
        Fact<String, String> fact = textOf(file);
        try (Facts facts = new Facts(host)) {
            facts.get(fact, "k");
            Files.writeString(file, "two");
            assertEquals("two", facts.readAgain(fact, "k"));
            assertEquals(2, reads.get());
        }
    }
}
