package agent.modules.pkgrepo;

import agent.host.HostFiles;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pkgrepo.absent: no source for the repository. A one-line entry is removed from whichever file
 * holds it (a file in sources.list.d left without sources is deleted); a deb822 source's file is
 * deleted.
 */
final class Absent {

    static final StateFunction FUNCTION = new StateFunction("absent", RepoArgs.schema(
            RepoArgs.FILE, RepoArgs.REFRESH, RepoArgs.REFRESH_DB),
            "Remove an apt repository: its one-line entries, or its deb822 .sources file.",
            Absent::apply);

    private Absent() {
    }

    static Result apply(Call call) throws Exception {
        HostFiles files = call.context().host().files();
        Facts facts = call.context().facts();
        String name = call.name();
        Optional<SourceLine> line = SourceLine.parse(name);
        Map<Path, List<String>> rewrites = new LinkedHashMap<>();
        if (line.isPresent()) {
            for (SourcesFiles.Found f : SourcesFiles.find(facts, line.get(), RepoArgs.file(call, SourcesFiles.MAIN))) {
                List<String> lines = rewrites.computeIfAbsent(f.file(), p -> new ArrayList<>());
                if (lines.isEmpty()) {
                    lines.addAll(SourcesFiles.lines(facts, f.file()));
                }
                lines.set(f.index(), null);
            }
        } else {
            Path file = RepoArgs.file(call, Deb822Source.defaultFile(call));
            if (facts.get(FileFacts.STAT, file).exists()) {
                rewrites.put(file, List.of());
            }
        }
        if (rewrites.isEmpty()) {
            return Result.ok("Package repo " + name + " is absent");
        }
        if (call.test()) {
            RepoArgs.markChanged(call);
            return Result.pending(Map.of("repo", name), "Package repo '" + name + "' would be removed." + RepoArgs.TEST_TAIL);
        }
        for (var e : rewrites.entrySet()) {
            List<String> kept = e.getValue().stream().filter(l -> l != null).toList();
            boolean noSources = kept.stream().noneMatch(l -> SourceLine.parse(l).isPresent());
            if (noSources && !e.getKey().equals(SourcesFiles.MAIN)) {
                files.delete(e.getKey());
            } else {
                RepoArgs.write(call, e.getKey(), SourcesFiles.text(kept));
            }
        }
        RepoArgs.markChanged(call);
        return Result.changed(Map.of("repo", name), "Removed repo " + name);
    }
}
