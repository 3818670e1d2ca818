package agent.loader;

import java.nio.file.Path;

/**
 * One SLS file found in a state tree.
 *
 * @param name  the dotted name ({@code web.nginx})
 * @param env   its environment ({@code base})
 * @param path  where it is on disk
 * @param root  the root it was found under
 * @param init  true for {@code name/init.sls}
 */
public record SlsFile(String name, String env, Path path, Path root, boolean init) {

    /** The path relative to its root, with forward slashes: {@code web/nginx.sls}. */
    public String relativePath() {
        return root.relativize(path).toString();
    }

    /** For messages: the path as the user knows it. */
    public String display() {
        return path.toString();
    }
}
