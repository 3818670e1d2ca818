package agent.loader;

import agent.InputError;
import agent.spi.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * State (or pillar) roots per environment, searched in order, as Salt's file_roots. Resolves SLS
 * names and {@code salt://} paths, and never lets a path leave its root.
 */
public final class StateTree implements agent.spi.StateFiles {

    private final Map<String, List<Path>> roots;
    private final Map<String, List<String>> listing = new LinkedHashMap<>();

    public StateTree(Map<String, List<Path>> roots) {
        this.roots = new LinkedHashMap<>();
        roots.forEach((env, dirs) -> this.roots.put(env, List.copyOf(dirs)));
    }

    public List<String> environments() {
        return new ArrayList<>(roots.keySet());
    }

    public List<Path> roots(String env) {
        return roots.getOrDefault(env, List.of());
    }

    public boolean hasEnvironment(String env) {
        return roots.containsKey(env);
    }

    /** {@code a.b} → a/b.sls, else a/b/init.sls: each form looked up in every root, in order. */
    public Optional<SlsFile> find(String env, String sls) {
        if (sls.isEmpty() || sls.contains("/") || sls.contains("..") || sls.startsWith(".")) {
            return Optional.empty();
        }
        String base = sls.replace('.', '/');
        for (String candidate : List.of(base + ".sls", base + "/init.sls")) {
            for (Path root : roots(env)) {
                Path p = root.resolve(candidate);
                if (Files.isRegularFile(p) && inside(root, p)) {
                    return Optional.of(new SlsFile(sls, env, p, root, candidate.endsWith("/init.sls")));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A file by its path under the roots ({@code salt://} already removed).
     *
     * @throws SecurityException when the path climbs out of the roots
     */
    public Optional<Path> file(String env, String relative) {
        String rel = relative;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        Path relPath = Path.of(rel).normalize();
        if (relPath.startsWith("..") || rel.isEmpty()) {
            throw new SecurityException("salt://" + relative + " points outside the state roots");
        }
        for (Path root : roots(env)) {
            Path p = root.resolve(relPath);
            if (Files.isRegularFile(p)) {
                if (!inside(root, p)) {
                    throw new SecurityException("salt://" + relative + " resolves (through a symlink) outside the state roots");
                }
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * A folder by its path under the roots, merged over every root that has it (the first root
     * holding a path wins), as Salt's fileserver lists it for file.recurse. Links are followed,
     * except links to folders outside the root, which are listed but not walked.
     *
     * @throws SecurityException when the path climbs out of the roots
     */
    public Optional<SourceTree> directory(String env, String relative) {
        String rel = relative;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        Path relPath = Path.of(rel).normalize();
        if (relPath.startsWith("..")) {
            throw new SecurityException("salt://" + relative + " points outside the state roots");
        }
        SourceWalk walk = new SourceWalk();
        boolean found = false;
        for (Path root : roots(env)) {
            Path dir = root.resolve(relPath);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            if (!inside(root, dir)) {
                throw new SecurityException("salt://" + relative + " resolves (through a symlink) outside the state roots");
            }
            found = true;
            try {
                walk.walk(root, dir);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException("cannot list " + dir + ": " + ex.getMessage(), ex);
            }
        }
        return found ? Optional.of(walk.result()) : Optional.empty();
    }

    /** Every SLS name of an environment, for globs in includes and top files. */
    @Override
    public synchronized List<String> list(String env) {
        return listing.computeIfAbsent(env, e -> {
            TreeSet<String> names = new TreeSet<>();
            for (Path root : roots(e)) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".sls") && Files.isRegularFile(p)).forEach(p -> {
                        String rel = root.relativize(p).toString();
                        String name = rel.substring(0, rel.length() - 4);
                        if (name.endsWith("/init")) {
                            name = name.substring(0, name.length() - 5);
                        }
                        if (!name.contains(".") && !name.equals("top")) {
                            names.add(name.replace('/', '.'));
                        }
                    });
                } catch (IOException ex) {
                    throw new InputError("cannot list " + root + ": " + ex.getMessage());
                }
            }
            return new ArrayList<>(names);
        });
    }

    /** Every file (dirs false) or folder (dirs true) of an environment, relative, '/'-separated, sorted. */
    @Override
    public List<String> paths(String env, boolean dirs) {
        TreeSet<String> out = new TreeSet<>();
        for (Path root : roots(env)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> !p.equals(root) && (dirs ? Files.isDirectory(p) : Files.isRegularFile(p)))
                        .forEach(p -> out.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '/')));
            } catch (IOException ex) {
                throw new InputError("cannot list " + root + ": " + ex.getMessage());
            }
        }
        return new ArrayList<>(out);
    }

    /** True when p (after following links) is still under root. */
    static boolean inside(Path root, Path p) {
        try {
            Path realRoot = root.toRealPath();
            Path real = p.toRealPath();
            return real.startsWith(realRoot);
        } catch (IOException e) {
            return p.toAbsolutePath().normalize().startsWith(root);
        }
    }

    /** The roots with {@code dir} put first for every environment (a path given on the command line). */
    public StateTree withFirstRoot(String env, Path dir) {
        Map<String, List<Path>> copy = new LinkedHashMap<>(roots);
        List<Path> list = new ArrayList<>();
        list.add(dir.toAbsolutePath().normalize());
        for (Path p : copy.getOrDefault(env, List.of())) {
            if (!p.equals(list.get(0))) {
                list.add(p);
            }
        }
        copy.put(env, list);
        return new StateTree(copy);
    }
}
