package agent.grains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.host.Commands;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Grains' lazy groups: names known at once, values computed on first read, once per group, and
 * never over a value someone set.
 */
class LazyGrainsTest {

    private final AtomicInteger calls = new AtomicInteger();

    private Grains withHardwareGroup() {
        Grains g = new Grains(Map.of("os", "Debian"));
        g.lazy("hardware", Set.of("cpu_model", "cpu_flags"), () -> {
            calls.incrementAndGet();
            return Map.of("cpu_model", "Fake CPU", "cpu_flags", java.util.List.of("sse2"));
        });
        return g;
    }

    @Test
    void lazyKeysAreListedWithoutComputing() {
        Grains g = withHardwareGroup();
        assertTrue(g.containsKey("cpu_model"));
        assertTrue(g.keySet().containsAll(Set.of("os", "cpu_model", "cpu_flags")));
        assertEquals(3, g.size());
        assertFalse(g.computed("cpu_model"));
        assertEquals(0, calls.get());
    }

    @Test
    void readingOneKeyComputesTheGroupOnce() {
        Grains g = withHardwareGroup();
        assertEquals("Fake CPU", g.get("cpu_model"));
        assertTrue(g.computed("cpu_flags"), "the whole group is filled by one call");
        assertEquals(java.util.List.of("sse2"), g.get("cpu_flags"));
        g.get("cpu_model");
        assertEquals(1, calls.get());
    }

    @Test
    void entrySetComputesEverything() {
        Grains g = withHardwareGroup();
        assertEquals(3, g.entrySet().size());
        assertTrue(g.computed("cpu_model") && g.computed("cpu_flags"));
        assertEquals(1, calls.get());
    }

    /** A custom grain over a lazy one (grains file, --grain) wins, and the group never overwrites it. */
    @Test
    void valuePutOverALazyKeyWins() {
        Grains g = withHardwareGroup();
        g.put("cpu_model", "Custom");
        assertEquals("Custom", g.get("cpu_model"));
        assertEquals(java.util.List.of("sse2"), g.get("cpu_flags"));
        assertEquals("Custom", g.get("cpu_model"));
        assertEquals(1, calls.get());
    }

    @Test
    void lazyRegisteredAfterAValueDoesNotReplaceIt() {
        Grains g = new Grains(Map.of("cpu_model", "Set first"));
        g.lazy("hardware", Set.of("cpu_model"), () -> Map.of("cpu_model", "Computed"));
        assertEquals("Set first", g.get("cpu_model"));
    }

    /** A group that throws (OSHI without its native library, say) leaves its grains absent: no crash. */
    @Test
    void failingSupplierLeavesKeysAbsent() {
        Grains g = new Grains(Map.of("os", "Debian"));
        g.lazy("broken", Set.of("gpus", "num_gpus"), () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no lspci");
        });
        assertNull(g.get("gpus"));
        assertFalse(g.containsKey("gpus"));
        assertFalse(g.containsKey("num_gpus"));
        assertEquals(Set.of("os"), g.keySet());
        assertEquals(1, g.entrySet().size());
        assertEquals(1, calls.get());
    }

    @Test
    void groupReturningFewerKeysLeavesTheRestAbsent() {
        Grains g = new Grains(Map.of());
        g.lazy("partial", Set.of("a", "b"), () -> Map.of("a", 1L));
        assertEquals(1L, g.get("a"));
        assertFalse(g.containsKey("b"));
    }

    /** The core collection must stay cheap: no OSHI, no systemctl, no process at all. */
    @Test
    void collectComputesNoCostlyGroup() {
        Commands commands = new Commands();
        Grains g = new CoreGrains(commands).collect("golden-host", "test");
        for (String key : new String[] {"cpu_model", "cpu_flags", "gpus", "mem_info", "systemd", "locale_info", "disks",
                "server_id"}) {
            assertFalse(g.computed(key), key + " was computed by collect");
        }
        assertTrue(g.containsKey("cpu_model"));
        assertEquals(0, commands.spawnedCount());
    }
}
