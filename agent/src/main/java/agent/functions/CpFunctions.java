package agent.functions;

import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.StateFiles;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** cp.list_master, list_master_dirs, list_states: what the state roots hold (the "master" is local). */
final class CpFunctions implements ExecutionModule {

    @Override
    public String name() {
        return "cp";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("list_master", c -> withPrefix(tree(c).paths(env(c, 0), false), c));
        f.put("list_master_dirs", c -> withPrefix(tree(c).paths(env(c, 0), true), c));
        // Every .sls of the roots by its name, top included, as Salt lists them.
        f.put("list_states", c -> tree(c).paths(env(c, 0), false).stream().filter(p -> p.endsWith(".sls"))
                .map(p -> p.substring(0, p.length() - 4).replaceAll("/init$", "").replace('/', '.')).distinct().sorted().toList());
        f.put("get_file_str", c -> new String(read(c), java.nio.charset.StandardCharsets.UTF_8));
        f.put("hash_file", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("hsum", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(read(c))));
            out.put("hash_type", "sha256");
            return out;
        });
        return f;
    }

    /** A salt:// file of the state tree (the only "master" a masterless agent has). */
    private static byte[] read(ExecCall c) throws java.io.IOException {
        String url = Values.text(c.required(0, "path"));
        if (!url.startsWith("salt://")) {
            throw new IllegalArgumentException("only salt:// paths are read here, not " + url);
        }
        String rel = url.substring("salt://".length());
        int query = rel.indexOf('?');
        String env = env(c, 1);
        if (query >= 0) {
            String q = rel.substring(query + 1);
            rel = rel.substring(0, query);
            if (q.startsWith("saltenv=")) {
                env = q.substring("saltenv=".length());
            }
        }
        java.nio.file.Path file = tree(c).file(env, rel)
                .orElseThrow(() -> new IllegalArgumentException("File '" + url + "' not found"));
        return java.nio.file.Files.readAllBytes(file);
    }

    private static StateFiles tree(ExecCall c) {
        return c.context().stateFiles();
    }

    /** saltenv, the parameter at index (list_master takes it first, get_file_str second), else the run's. */
    private static String env(ExecCall c, int index) {
        Object configured = c.context().opts().get("saltenv");
        return c.string(index, "saltenv", configured == null ? "base" : Values.text(configured));
    }

    private static List<String> withPrefix(List<String> paths, ExecCall c) {
        String prefix = c.string(1, "prefix", "");
        return paths.stream().filter(p -> p.startsWith(prefix)).toList();
    }
}
