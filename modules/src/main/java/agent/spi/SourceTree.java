package agent.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code salt://} folder holds, merged over every state root of an environment (the first
 * root holding a path wins), as Salt's fileserver lists it for {@code file.recurse}. Every path is
 * relative to the folder and '/'-separated.
 *
 * @param files    regular files (and links to files, and files reached through links to folders)
 *                 → where to read them
 * @param dirs     every folder below, links to folders included
 * @param links    every symbolic link below → its target exactly as written in the link
 * @param outside  links to folders that lead out of the state roots: listed, never walked
 */
public record SourceTree(Map<String, Path> files, Set<String> dirs, Map<String, String> links, Set<String> outside) {

    public SourceTree {
        files = Map.copyOf(files);
        dirs = Set.copyOf(dirs);
        links = Map.copyOf(links);
        outside = Set.copyOf(outside);
    }
}
