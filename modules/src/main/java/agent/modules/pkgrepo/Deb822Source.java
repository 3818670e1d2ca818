package agent.modules.pkgrepo;

import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Result;
import agent.spi.StateException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A source in apt's deb822 format: a {@code .sources} file holding one stanza, managed whole. */
final class Deb822Source {

    private Deb822Source() {
    }

    static Path defaultFile(Call call) {
        return SourcesFiles.PARTS.resolve(call.name().replaceAll("[^A-Za-z0-9_.-]", "-") + ".sources");
    }

    static Result managed(Call call, boolean disabled) throws Exception {
        Path file = RepoArgs.file(call, defaultFile(call));
        if (!file.getFileName().toString().endsWith(".sources")) {
            throw new StateException("A deb822 source must live in a .sources file, not " + file);
        }
        List<String> suites = RepoArgs.words(call, "suites");
        if (suites.isEmpty()) {
            throw new StateException("A deb822 source needs suites (a flat repository's is ./)");
        }
        byte[] key = RepoKey.given(call) ? RepoKey.load(call) : null;
        Path keyring = Managed.keyring(call, null, file, key);
        StringBuilder text = new StringBuilder();
        if (call.has("comments")) {
            text.append("# ").append(RepoArgs.comments(call)).append('\n');
        }
        List<String> types = RepoArgs.words(call, "types");
        field(text, "Types", types.isEmpty() ? List.of("deb") : types);
        field(text, "URIs", RepoArgs.words(call, "uris"));
        field(text, "Suites", suites);
        field(text, "Components", RepoArgs.words(call, "components"));
        field(text, "Architectures", RepoArgs.words(call, "architectures"));
        if (keyring != null) {
            field(text, "Signed-By", List.of(keyring.toString()));
        }
        if (call.bool("trusted")) {
            field(text, "Trusted", List.of("yes"));
        }
        if (disabled) {
            field(text, "Enabled", List.of("no"));
        }
        String old = call.context().facts().get(FileFacts.TEXT, file);
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<Path, String> writes = new LinkedHashMap<>();
        if (!text.toString().equals(old)) {
            writes.put(file, text.toString());
            changes.put(old == null ? "repo" : "sources", old == null ? file.toString()
                    : RepoArgs.change(old, text.toString()));
        }
        return Managed.converge(call, changes, writes, keyring, key);
    }

    private static void field(StringBuilder sb, String name, List<String> values) {
        if (!values.isEmpty()) {
            sb.append(name).append(": ").append(String.join(" ", values)).append('\n');
        }
    }
}
