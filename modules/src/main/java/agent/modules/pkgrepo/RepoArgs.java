package agent.modules.pkgrepo;

import agent.host.HostFiles;
import agent.host.Ownership;
import agent.modules.pkg.apt.AptIndex;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What pkgrepo.managed and pkgrepo.absent share: arguments, list reading, writing, the refresh mark. */
final class RepoArgs {

    static final Param FILE = Param.string("file", "The sources file (one-line default /etc/apt/sources.list; "
            + "deb822 default /etc/apt/sources.list.d/NAME.sources)").checked(Checks.PATH);
    static final Param REFRESH = Param.bool("refresh", true,
            "Refresh the package index after a change: once, before the next pkg state reads it");
    static final Param REFRESH_DB = Param.bool("refresh_db", true, "Same as refresh (Salt's older name)");
    static final String TEST_TAIL = " This may cause pkg states to behave differently than stated if this action is"
            + " repeated without test=True, due to the differences in the configured repositories.";

    private RepoArgs() {
    }

    /** A schema whose states are named by a one-line source entry, handed to apt as it is. */
    static Schema schema(Param... params) {
        return Schema.of(params).naming(Checks.LINE);
    }

    /** A list argument that may also be written as "a,b" or "a b". */
    static List<String> words(Call call, String key) {
        List<String> out = new ArrayList<>();
        for (String s : call.strings(key)) {
            for (String w : s.split("[,\\s]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    static String comments(Call call) {
        List<String> out = new ArrayList<>();
        for (Object o : call.list("comments")) {
            out.add(Values.text(o).strip());
        }
        return String.join(" ", out);
    }

    static Path file(Call call, Path dflt) throws StateException {
        Path p = call.string("file").map(Path::of).orElse(dflt);
        if (!p.isAbsolute()) {
            throw new StateException("file must be an absolute path, not '" + p + "'");
        }
        return p;
    }

    /** Writes a file readable by apt (0644), making its folder when missing. */
    static void write(Call call, Path path, byte[] content) throws IOException {
        HostFiles files = call.context().host().files();
        Path dir = path.getParent();
        if (dir != null && !files.stat(dir).exists()) {
            files.mkdir(dir, Ownership.ofMode(0755));
        }
        files.write(path, content, Ownership.ofMode(0644));
    }

    static void write(Call call, Path path, String text) throws IOException {
        write(call, path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A change as {old, new}, in that order. */
    static Map<String, Object> change(String old, String now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("old", old);
        c.put("new", now);
        return c;
    }

    /**
     * After a change (or, in a test run, a predicted one): the next state that reads the package
     * index refreshes it first, and a test run knows the index cannot tell yet.
     */
    static void markChanged(Call call) {
        if (call.bool("refresh") && call.bool("refresh_db")) {
            AptIndex.of(call.context()).sourcesChanged();
        }
    }
}
