package agent.modules.file;

import agent.spi.SourceTree;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one file.recurse manages under its folder, from the source listing: Salt's
 * _gen_recurse_managed_files. Sorted, so states run (and report) in a stable order.
 *
 * @param files   destination → its source
 * @param dirs    folders to manage: those holding a managed file, and with include_empty every
 *                source folder
 * @param links   destination → link target (keep_symlinks)
 * @param outside destinations whose source is a link leading out of the state roots
 * @param keep    everything clean must leave in place (each path's parents are kept too)
 */
record RecursePlan(SortedMap<Path, Source> files, SortedSet<Path> dirs, SortedMap<Path, String> links,
                   SortedSet<Path> outside, Set<Path> keep) {

    /** A file's salt:// URL, and where the state tree holds it. */
    record Source(String url, Path local) {
    }

    /** The arguments that shape the plan. */
    record Options(boolean keepSymlinks, boolean includeEmpty, Long maxdepth, IncludeExclude patterns) {
    }

    static RecursePlan of(Path name, String sourceUrl, SourceTree tree, Options o) {
        SortedMap<Path, Source> files = new TreeMap<>();
        SortedSet<Path> dirs = new TreeSet<>();
        SortedMap<Path, String> links = new TreeMap<>();
        SortedSet<Path> outside = new TreeSet<>();
        Set<Path> keep = new HashSet<>();
        Set<Path> seenDirs = new HashSet<>();
        Map<String, Path> sourceFiles = new LinkedHashMap<>(tree.files());
        String base = sourceUrl.endsWith("/") || sourceUrl.equals("salt://") ? sourceUrl : sourceUrl + "/";

        if (o.keepSymlinks()) {
            for (var link : tree.links().entrySet()) {
                String rel = link.getKey();
                if (!wanted(rel, o)) {
                    continue;
                }
                // The link is made as a link: nothing is copied through it, not even itself.
                sourceFiles.keySet().removeIf(f -> f.equals(rel) || f.startsWith(rel + "/"));
                Path dest = name.resolve(rel);
                links.put(dest, link.getValue());
                keep.add(dest);
            }
            seenDirs.addAll(keep);
        } else {
            for (String rel : tree.outside()) {
                if (wanted(rel, o)) {
                    outside.add(name.resolve(rel));
                }
            }
        }
        for (var file : sourceFiles.entrySet()) {
            String rel = file.getKey();
            if (!wanted(rel, o)) {
                continue;
            }
            Path dest = name.resolve(rel);
            keep.add(dest);
            if (seenDirs.add(dest.getParent())) {
                dirs.add(dest.getParent());
            }
            files.put(dest, new Source(base + rel, file.getValue()));
        }
        if (o.includeEmpty()) {
            for (String rel : tree.dirs()) {
                if (!wanted(rel, o) || (o.keepSymlinks() && underLink(rel, tree.links().keySet()))) {
                    continue;
                }
                Path dest = name.resolve(rel);
                dirs.add(dest);
                keep.add(dest);
            }
        }
        return new RecursePlan(files, dirs, links, outside, keep);
    }

    /** Within maxdepth (the number of '/' in the relative path) and accepted by the patterns. */
    private static boolean wanted(String rel, Options o) {
        if (o.maxdepth() != null && rel.chars().filter(c -> c == '/').count() > o.maxdepth()) {
            return false;
        }
        return o.patterns().accepts(rel);
    }

    /** A folder that is a kept link, or lies under one, is the link's business. */
    private static boolean underLink(String rel, Set<String> links) {
        for (String l : links) {
            if (rel.equals(l) || rel.startsWith(l + "/")) {
                return true;
            }
        }
        return false;
    }
}
