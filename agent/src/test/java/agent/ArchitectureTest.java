package agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow, read from the sources of both Maven modules: every reference
 * from one of our packages to another goes down the {@link #LAYERS} list, never up or sideways,
 * so no two packages reach each other. A subpackage counts as its stage ({@code render.jinja} is
 * {@code render}); inside a stage the subpackages must not form a cycle either.
 */
class ArchitectureTest {

    /**
     * From the top down: the command line, the wiring, the stages in the order data flows through
     * them (each may use what an earlier stage produced), then what every stage shares, and the
     * state-module SPI with the host layer under everything.
     */
    static final List<String> LAYERS = List.of(
            "agent.cli",
            "agent.app",
            "agent.report",
            "agent.execute",
            "agent.compile",
            "agent.pillar",
            "agent.render",
            "agent.loader.gitfs",
            "agent.loader",
            "agent.grains",
            "agent.config",
            "agent.functions",
            "agent.modules",
            "agent.data",
            "agent.secrets",
            "agent.text",
            "agent.spi",
            "agent",
            "agent.host");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    /** A reference to one of our types: an import or a qualified name (agent.x.y.Type). */
    private static final Pattern REFERENCE = Pattern.compile("\\bagent((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");
    /**
     * What reaches the host past the host layer: java.nio.file.Files (or all of java.nio.file
     * imported, which brings it in), java.io's file streams and channels, and every way to start
     * a process.
     */
    private static final Pattern HOST_ACCESS = Pattern.compile("\\bjava\\.nio\\.file\\.(?:Files\\b|\\*)"
            + "|\\b(?:FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|FileChannel"
            + "|ProcessBuilder|ProcessImpl)\\b|\\bRuntime\\s*\\.\\s*getRuntime\\b|\\.exec\\s*\\(|\\borg\\.apache\\.commons\\.exec\\b");
    private static final Pattern COMMENTS_AND_STRINGS =
            Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\"(?:[^\\\\]|\\\\.)*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)'");

    @Test
    void everyReferenceGoesDownTheLayers() {
        Map<String, Set<String>> edges = packageGraph();
        List<String> wrong = new ArrayList<>();
        edges.forEach((from, tos) -> {
            for (String to : tos) {
                int a = layer(from);
                int b = layer(to);
                if (a != b && b < a) {
                    wrong.add(from + " -> " + to + " (" + LAYERS.get(b) + " is above " + LAYERS.get(a) + ")");
                }
            }
        });
        assertEquals(List.of(), wrong, "references against the data flow");
    }

    @Test
    void noPackagesReachEachOther() {
        Map<String, Set<String>> edges = packageGraph();
        List<String> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            for (String next : edges.get(start)) {
                if (reaches(edges, next, start, new TreeSet<>())) {
                    cycles.add(start + " <-> " + next);
                }
            }
        }
        assertEquals(List.of(), cycles, "packages that reach each other");
    }

    /**
     * State modules touch the host only through the host layer, which reports every change so
     * that the run's facts stay true: no file access of their own, no process started.
     */
    @Test
    void modulesTouchTheHostOnlyThroughTheHostLayer() {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().contains("/agent/modules/")) {
                continue;
            }
            String code = COMMENTS_AND_STRINGS.matcher(read(file)).replaceAll(" ");
            Matcher m = HOST_ACCESS.matcher(code);
            while (m.find()) {
                wrong.add(file.getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), wrong, "host access past the host layer (agent.host) in agent.modules");
    }

    @Test
    void everyPackageHasALayer() {
        for (String p : packageGraph().keySet()) {
            assertTrue(layer(p) >= 0, p + " belongs to no layer in ArchitectureTest.LAYERS");
        }
    }

    /** The stage a package belongs to: the longest entry of {@link #LAYERS} it starts with. */
    static int layer(String pkg) {
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < LAYERS.size(); i++) {
            String l = LAYERS.get(i);
            if ((pkg.equals(l) || pkg.startsWith(l + ".")) && l.length() > bestLength) {
                best = i;
                bestLength = l.length();
            }
        }
        return best;
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (reaches(edges, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Package → the other packages of ours its sources name. */
    static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (Path file : sources()) {
            String text = read(file);
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                continue;
            }
            String from = p.group(1);
            Set<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher r = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
            while (r.find()) {
                String pkg = "agent" + r.group(1);
                if (!pkg.equals(from)) {
                    to.add(pkg);
                }
            }
        }
        return edges;
    }

    private static List<Path> sources() {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("agent/src/main/java", "modules/src/main/java")) {
            try (Stream<Path> s = Files.walk(home.resolve(dir))) {
                s.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(out.size() > 100, "sources not found under " + home);
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
