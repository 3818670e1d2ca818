package agent.modules.pkg.apt;

import agent.host.CommandResult;
import agent.host.FileStat;
import agent.host.Host;
import agent.host.facts.Fact;
import agent.host.facts.FileFact;
import agent.host.facts.SimpleFileFact;
import agent.modules.pkg.backend.PackageBackend.Offer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What apt knows, as facts: the versions its index offers, and the times that say whether the index is stale. */
public final class AptFacts {

    static final Path LISTS = Path.of("/var/lib/apt/lists");
    static final List<Path> SOURCES = List.of(Path.of("/etc/apt/sources.list"),
            Path.of("/etc/apt/sources.list.d"), Path.of("/etc/apt/keyrings"), Path.of("/etc/apt/trusted.gpg.d"));

    private AptFacts() {
    }

    /** A package asked of the index, with the release its pins prefer ({@code fromrepo}, null for none). */
    public record Asked(String name, String fromrepo) {
    }

    /**
     * A package's candidate and every version the index knows, newest first (apt-cache policy,
     * one process for all the names asked of one release).
     */
    public static final Fact<Asked, Offer> OFFERS = new Offers();

    /** When the index was refreshed, and when a source or key last changed (milliseconds; 0: none). */
    record IndexTimes(long lists, long newestSource) {
    }

    static final Fact<Fact.Whole, IndexTimes> INDEX_TIMES = new SimpleFileFact<>("apt index times",
            sourcesAndLists(), (host, all) -> indexTimes(host));

    private static Set<Path> sourcesAndLists() {
        Set<Path> out = new HashSet<>(SOURCES);
        out.add(LISTS);
        return Set.copyOf(out);
    }

    private static IndexTimes indexTimes(Host host) throws IOException {
        long newest = 0;
        for (Path p : SOURCES) {
            newest = Math.max(newest, mtime(host, p));
            if (host.files().isDirectory(p)) {
                try {
                    for (Path entry : host.files().list(p)) {
                        newest = Math.max(newest, mtime(host, entry));
                    }
                } catch (IOException e) {
                    // unreadable: judged by the folder's own time
                }
            }
        }
        return new IndexTimes(mtime(host, LISTS), newest);
    }

    /** A path's modification time, links followed; 0 when there is nothing. */
    private static long mtime(Host host, Path p) {
        FileStat st = host.files().statFollow(p);
        return st.exists() && st.mtime() != null ? st.mtime().toEpochMilli() : 0;
    }

    private static final class Offers implements FileFact<Asked, Offer> {

        private static final Set<Path> SOURCES = Set.of(Path.of("/etc/apt"), LISTS, Path.of("/var/lib/dpkg/status"));

        @Override
        public String name() {
            return "apt policy";
        }

        @Override
        public Set<Path> sources() {
            return SOURCES;
        }

        @Override
        public Offer read(Host host, Asked key) throws IOException {
            return readAll(host, List.of(key)).get(key);
        }

        @Override
        public Map<Asked, Offer> readAll(Host host, Collection<Asked> keys) throws IOException {
            // null, for no release, is a key like the others
            Map<String, List<String>> byRelease = new LinkedHashMap<>();
            for (Asked a : keys) {
                byRelease.computeIfAbsent(a.fromrepo(), r -> new ArrayList<>()).add(a.name());
            }
            Map<Asked, Offer> out = new LinkedHashMap<>();
            for (var release : byRelease.entrySet()) {
                String fromrepo = release.getKey();
                Map<String, Offer> parsed = AptPolicy.parse(policy(host, release.getValue(), fromrepo));
                for (String name : release.getValue()) {
                    Offer o = parsed.getOrDefault(name, new Offer(null, List.of()));
                    List<String> newestFirst = new ArrayList<>(o.versions());
                    newestFirst.sort((a, b) -> agent.host.DebianVersion.compare(b, a));
                    out.put(new Asked(name, fromrepo), new Offer(o.candidate(), newestFirst));
                }
            }
            return out;
        }

        private static String policy(Host host, List<String> names, String fromrepo) throws IOException {
            List<String> argv = new ArrayList<>(List.of("apt-cache", "-q"));
            if (fromrepo != null) {
                argv.addAll(List.of("-o", "APT::Default-Release=" + fromrepo));
            }
            argv.add("policy");
            argv.addAll(names);
            CommandResult r = host.commands().run(AptGet.queryCommand(argv));
            if (!r.ok()) {
                throw new IOException(argv.get(0) + " failed: " + AptGet.failure(r, 0));
            }
            return r.stdout();
        }
    }
}
