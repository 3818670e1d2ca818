package agent.modules.pkgrepo;

import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pkgrepo.managed: an apt source, as a one-line entry ({@code name} is the "deb ..." line) or a
 * deb822 {@code .sources} file ({@code uris}, {@code suites} ...), with its signing key in a keyring
 * of its own. A change marks the package index stale; it is refreshed once, by the next state that
 * reads it, however many sources changed.
 */
final class Managed {

    static final StateFunction FUNCTION = new StateFunction("managed", RepoArgs.schema(
            RepoArgs.FILE,
            Param.string("key_url", "The repository's signing key: salt://, http(s):// or a local path"),
            Param.string("key_text", "The repository's signing key, inline (armored)"),
            Param.string("signedby", "Keyring for the key (default /etc/apt/keyrings/FILE.asc or .gpg)").checked(Checks.PATH),
            Param.bool("clean_file", false, "The file holds only this source (one-line entries)"),
            RepoArgs.REFRESH, RepoArgs.REFRESH_DB,
            Param.list("comments", "Comment text added after the entry"),
            Param.list("architectures", "Limit to these architectures (list or comma-separated)"),
            new Param("trusted", Param.Type.BOOL, false, null, "Trust the repository without a signature (trusted=yes)"),
            Param.list("comps", "Components, replacing those in the line (list or comma-separated)"),
            Param.string("dist", "Suite, replacing the one in the line").checked(Checks.RELEASE),
            new Param("disabled", Param.Type.BOOL, false, null, "Keep the entry but switch it off"),
            new Param("enabled", Param.Type.BOOL, false, null, "The opposite of disabled"),
            Param.string("humanname", "Accepted for compatibility (apt has no display names)"),
            Param.list("types", "deb822: deb and/or deb-src (default deb)"),
            Param.list("uris", "deb822: the repository URIs; giving them selects the deb822 format"),
            Param.list("suites", "deb822: suites (or a flat repository's path, e.g. ./)"),
            Param.list("components", "deb822: components")),
            "Configure an apt repository (one-line or deb822 format) and its signing key.",
            Managed::apply);

    private Managed() {
    }

    static Result apply(Call call) throws Exception {
        if (call.has("enabled") && call.has("disabled")) {
            return Result.failed("Only one of enabled/disabled is allowed");
        }
        boolean disabled = call.optionalBool("disabled").orElseGet(() -> !call.optionalBool("enabled").orElse(true));
        Optional<SourceLine> line = SourceLine.parse(call.name());
        if (line.isPresent()) {
            return oneLine(call, line.get(), disabled);
        }
        if (call.has("uris")) {
            return Deb822Source.managed(call, disabled);
        }
        return Result.failed("name must be a source line ('deb URI SUITE [COMPONENTS]'), or uris must be given"
                + " for a deb822 source");
    }

    private static Result oneLine(Call call, SourceLine given, boolean disabled) throws Exception {
        Facts facts = call.context().facts();
        Path file = RepoArgs.file(call, SourcesFiles.MAIN);
        SourceLine wanted = given.with(disabled, call.string("dist").orElse(given.suite()),
                call.has("comps") ? RepoArgs.words(call, "comps") : given.components(),
                call.has("comments") ? RepoArgs.comments(call) : given.comment());
        Map<String, String> options = new LinkedHashMap<>(given.options());
        if (call.has("architectures")) {
            options.put("arch", String.join(",", RepoArgs.words(call, "architectures")));
        }
        if (call.has("trusted")) {
            if (call.bool("trusted")) {
                options.put("trusted", "yes");
            } else {
                options.remove("trusted");
            }
        }
        byte[] key = RepoKey.given(call) ? RepoKey.load(call) : null;
        Path keyring = keyring(call, options.get("signed-by"), file, key);
        if (keyring != null) {
            options.put("signed-by", keyring.toString());
        }
        wanted = wanted.withOptions(options);

        Map<String, Object> changes = new LinkedHashMap<>();
        Map<Path, String> writes = new LinkedHashMap<>();
        List<SourcesFiles.Found> found = SourcesFiles.find(facts, wanted, file);
        if (call.bool("clean_file")) {
            String text = SourcesFiles.text(List.of(wanted.format()));
            if (!text.equals(SourcesFiles.text(SourcesFiles.lines(facts, file)))) {
                writes.put(file, text);
                Optional<SourcesFiles.Found> here = found.stream().filter(f -> f.file().equals(file)).findFirst();
                changes.put(here.isPresent() ? "line" : "repo", here.isPresent()
                        ? RepoArgs.change(here.get().line().format(), wanted.format()) : wanted.format());
            }
        } else if (found.isEmpty()) {
            List<String> lines = SourcesFiles.lines(facts, file);
            lines.add(wanted.format());
            writes.put(file, SourcesFiles.text(lines));
            changes.put("repo", wanted.format());
        } else if (!found.get(0).line().sameAs(wanted)) {
            SourcesFiles.Found f = found.get(0);
            List<String> lines = SourcesFiles.lines(facts, f.file());
            lines.set(f.index(), wanted.format());
            writes.put(f.file(), SourcesFiles.text(lines));
            changes.put("line", RepoArgs.change(f.line().format(), wanted.format()));
        }
        return converge(call, changes, writes, keyring, key);
    }

    /** The keyring the source names: signedby, the line's own signed-by, or one named after the file. */
    static Path keyring(Call call, String inLine, Path file, byte[] key) {
        if (call.has("signedby")) {
            return Path.of(call.string("signedby").orElseThrow());
        }
        if (inLine != null && !inLine.isEmpty()) {
            return Path.of(inLine);
        }
        return key == null ? null : RepoKey.defaultPath(file, key);
    }

    /** Adds the key's change, then reports, predicts, or writes (the key before the source naming it). */
    static Result converge(Call call, Map<String, Object> changes, Map<Path, String> writes, Path keyring, byte[] key)
            throws Exception {
        boolean keyChanges = key != null && !Arrays.equals(call.context().facts().get(FileFacts.CONTENT, keyring), key);
        if (keyChanges) {
            changes.put("key", keyring.toString());
        }
        String name = call.name();
        if (changes.isEmpty()) {
            return Result.ok("Package repo '" + name + "' already configured");
        }
        if (call.test()) {
            RepoArgs.markChanged(call);
            return Result.pending(changes, "Package repo '" + name + "' would be configured." + RepoArgs.TEST_TAIL);
        }
        try {
            if (keyChanges) {
                RepoArgs.write(call, keyring, key);
            }
            for (var w : writes.entrySet()) {
                RepoArgs.write(call, w.getKey(), w.getValue());
            }
        } catch (java.io.IOException e) {
            throw new StateException("Failed to configure repo '" + name + "': " + e.getMessage(), e);
        }
        RepoArgs.markChanged(call);
        return Result.changed(changes, "Configured package repo '" + name + "'");
    }
}
