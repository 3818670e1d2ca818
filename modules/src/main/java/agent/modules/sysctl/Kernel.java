package agent.modules.sysctl;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import agent.host.facts.Fact;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.host.facts.PathFact;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The running kernel's values. Reads go straight to /proc/sys (no process, so a run with nothing
 * to change spawns nothing); writes go through {@code sysctl -w}, which is what Salt runs and
 * gives the kernel's refusal in sysctl's own words, and keeps /proc's non-atomic writes out of
 * the host layer's atomic file writes.
 */
final class Kernel {

    static final Path PROC_SYS = Path.of("/proc/sys");

    private Kernel() {
    }

    /** net.ipv4.ip_forward → /proc/sys/net/ipv4/ip_forward; a '/' in a name stands for a '.' (eth0/100). */
    static Path procPath(String name) {
        StringBuilder rel = new StringBuilder();
        for (char c : name.toCharArray()) {
            rel.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        Path p = PROC_SYS.resolve(rel.toString());
        boolean clean = !name.isEmpty() && !rel.toString().startsWith("/");
        for (Path part : PROC_SYS.relativize(p)) {
            String s = part.toString();
            clean &= !s.isEmpty() && !s.equals("..") && !s.equals(".");
        }
        if (!clean || !p.normalize().startsWith(PROC_SYS)) {
            throw new IllegalArgumentException("Invalid sysctl name '" + name + "'");
        }
        return p;
    }

    /**
     * A running value as a fact, keyed by its /proc/sys file: the text `sysctl -n` prints; null
     * when the kernel has no such key. Stale after any process (sysctl -w is one).
     */
    static final Fact<Path, String> VALUE = new PathFact<>("sysctl value", (host, path) -> value(host.files().readIfExists(path)));

    /** The running value, read through the run's facts; empty when the kernel has no such key. */
    static Optional<String> get(Facts facts, String name) throws IOException {
        return Optional.ofNullable(facts.get(VALUE, procPath(name)));
    }

    /** The running value, read now (for execution functions, which have no run). */
    static Optional<String> get(Host host, String name) throws IOException {
        return Optional.ofNullable(value(host.files().readIfExists(procPath(name))));
    }

    private static String value(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    static boolean exists(Facts facts, String name) throws IOException {
        return facts.get(FileFacts.EXISTS, procPath(name));
    }

    /** sysctl -w name=value; a refusal is an IOException carrying sysctl's message. */
    static void assign(Host host, String name, String value) throws IOException {
        if (!host.files().exists(procPath(name))) {
            throw new IOException("sysctl " + name + " does not exist");
        }
        CommandResult r = host.commands().run(Command.of("sysctl", "-w", name + "=" + value));
        // sysctl echoes "name = value" when the kernel took it; anything else is a refusal.
        boolean echoed = Pattern.compile(Pattern.quote(name) + "\\s+=\\s+" + Pattern.quote(value)).matcher(r.stdout().strip()).matches();
        if (!r.ok() || !echoed || r.stderr().contains("Invalid argument")) {
            String err = r.stderr().isBlank() ? r.stdout().strip() : r.stderr().strip();
            throw new IOException("sysctl -w failed: " + err);
        }
    }

    /** Every running value, from `sysctl -a` (it knows which /proc/sys files cannot be read). */
    static Map<String, String> all(Host host) throws IOException {
        CommandResult r = host.commands().run(Command.of("sysctl", "-a").asQuery());
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.stdout().lines().toList()) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 3));
            }
        }
        return out;
    }
}
