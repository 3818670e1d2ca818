package agent.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OSHI (hardware grains) costs hundreds of milliseconds and starts helper programs: the JVM's
 * class-loading log proves that an apply reading only core grains never loads it, and that
 * one reading a hardware grain does.
 */
class LazyHardwareGrainsIT {

    @TempDir
    Path dir;

    @Test
    void oshiIsLoadedOnlyWhenAHardwareGrainIsRead() throws Exception {
        Files.writeString(dir.resolve("core.sls"), """
                core:
                  file.managed:
                    - name: %s/core.txt
                    - contents: "{{ grains.os }} {{ grains.fqdn }} {{ grains.ipv4 | length }} {{ grains['mem_total'] }}"
                """.formatted(dir));
        Files.writeString(dir.resolve("hardware.sls"), """
                hardware:
                  file.managed:
                    - name: %s/hardware.txt
                    - contents: "{{ grains.cpu_model }}"
                """.formatted(dir));

        assertEquals(0, oshiClassesLoaded("core"), "an apply reading core grains loads no OSHI class");
        assertTrue(oshiClassesLoaded("hardware") > 0, "reading cpu_model loads OSHI");
        assertTrue(!Files.readString(dir.resolve("hardware.txt")).isBlank(), "and gives a cpu model");
    }

    private long oshiClassesLoaded(String sls) throws Exception {
        Path log = dir.resolve(sls + ".classes");
        var r = AgentProcess.run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log),
                "apply", dir.resolve(sls + ".sls").toString());
        assertEquals(0, r.exit(), r::toString);
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" oshi.")).count();
        }
    }
}
