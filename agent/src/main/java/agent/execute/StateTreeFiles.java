package agent.execute;

import agent.loader.StateTree;
import agent.spi.FileSource;
import agent.spi.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** File states' sources: {@code salt://} URLs in the state tree, or absolute local paths. */
final class StateTreeFiles implements FileSource {

    private final StateTree tree;

    StateTreeFiles(StateTree tree) {
        this.tree = tree;
    }

    /** A salt:// URL split as Salt's url.parse splits it: the path, and the saltenv of a query. */
    record SaltUrl(String path, String saltenv) {

        static SaltUrl parse(String source, String dflt) {
            String rel = source.substring("salt://".length());
            String env = dflt;
            int q = rel.indexOf('?');
            if (q >= 0) {
                for (String kv : rel.substring(q + 1).split("&")) {
                    if (kv.startsWith("saltenv=") && kv.length() > "saltenv=".length()) {
                        env = kv.substring("saltenv=".length());
                    }
                }
                rel = rel.substring(0, q);
            }
            return new SaltUrl(rel, env);
        }
    }

    @Override
    public Optional<Path> find(String source, String saltenv) {
        if (source.startsWith("salt://")) {
            SaltUrl url = SaltUrl.parse(source, saltenv);
            return tree.file(url.saltenv(), url.path());
        }
        String path = source.startsWith("file://") ? source.substring("file://".length()) : source;
        if (!path.startsWith("/")) {
            throw new SecurityException("source " + source + " is neither salt:// nor an absolute path");
        }
        Path p = Path.of(path);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public Optional<SourceTree> directory(String source, String saltenv) {
        if (!source.startsWith("salt://")) {
            throw new SecurityException("source " + source + " is not a salt:// URL");
        }
        SaltUrl url = SaltUrl.parse(source, saltenv);
        return tree.directory(url.saltenv(), url.path());
    }
}
