package agent.app;

import agent.InputError;
import agent.compile.HighStateBuilder;
import agent.compile.Origin;
import agent.loader.StateTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code agent apply ARGS} names: paths to .sls files (their folder becomes a state root
 * when no configured root holds them) or dotted names looked up in the roots.
 */
public final class Targets {

    /** The targets to render, and the tree (roots possibly extended by the paths). */
    public record Resolved(List<HighStateBuilder.Target> targets, StateTree tree) {
    }

    private Targets() {
    }

    public static boolean isPath(String arg) {
        return arg.endsWith(".sls") || arg.contains("/") || Files.isRegularFile(Path.of(arg));
    }

    public static Resolved resolve(List<String> args, String env, StateTree tree) {
        List<HighStateBuilder.Target> out = new ArrayList<>();
        StateTree t = tree;
        Origin cli = new Origin("command line", 0);
        for (String arg : args) {
            for (String one : arg.split(",")) {
                String a = one.strip();
                if (a.isEmpty()) {
                    continue;
                }
                if (!isPath(a)) {
                    out.add(new HighStateBuilder.Target(env, a, cli));
                    continue;
                }
                Path p = Path.of(a).toAbsolutePath().normalize();
                if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("init.sls"))) {
                    p = p.resolve("init.sls");
                }
                if (!Files.isRegularFile(p)) {
                    throw new InputError("no such SLS file: " + a);
                }
                if (!p.getFileName().toString().endsWith(".sls")) {
                    throw new InputError("not an SLS file (the name must end in .sls): " + a);
                }
                Path root = containingRoot(t, env, p);
                if (root == null) {
                    root = p.getFileName().toString().equals("init.sls") && p.getParent().getParent() != null
                            ? p.getParent().getParent() : p.getParent();
                    t = t.withFirstRoot(env, root);
                }
                out.add(new HighStateBuilder.Target(env, slsName(root, p), cli));
            }
        }
        return new Resolved(out, t);
    }

    private static Path containingRoot(StateTree tree, String env, Path file) {
        for (Path root : tree.roots(env)) {
            if (file.startsWith(root)) {
                return root;
            }
        }
        return null;
    }

    /** root/a/b.sls → a.b; root/a/init.sls → a. */
    static String slsName(Path root, Path file) {
        String rel = root.relativize(file).toString();
        rel = rel.substring(0, rel.length() - ".sls".length());
        if (rel.endsWith("/init")) {
            rel = rel.substring(0, rel.length() - "/init".length());
        }
        if (rel.contains(".")) {
            throw new InputError("SLS file names cannot contain dots besides .sls: " + file);
        }
        return rel.replace('/', '.');
    }
}
