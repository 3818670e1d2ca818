package agent.grains;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who and where the agent runs: uid, gid, username, groupname, pid, cwd, path, shell. */
final class ProcessGrains {

    private ProcessGrains() {
    }

    static void collect(HostFacts host, Map<String, String> env, Map<String, Object> g) {
        Map<String, String> status = HostFacts.keyValues(host.read("proc/self/status"), ':');
        long uid = firstNumber(status.get("Uid"));
        long gid = firstNumber(status.get("Gid"));
        g.put("uid", uid);
        g.put("gid", gid);
        g.put("username", nameOf(host.read("etc/passwd"), uid, System.getProperty("user.name", "")));
        g.put("groupname", nameOf(host.read("etc/group"), gid, String.valueOf(gid)));
        g.put("pid", ProcessHandle.current().pid());
        g.put("cwd", System.getProperty("user.dir", "/"));
        String path = env.getOrDefault("PATH", "");
        g.put("path", path);
        List<String> systempath = new ArrayList<>();
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                systempath.add(dir);
            }
        }
        g.put("systempath", systempath);
        String shell = env.get("SHELL");
        g.put("shell", shell == null || shell.isEmpty() ? "/bin/sh" : shell);
    }

    /** The name on the passwd/group line with this id, or the fallback. */
    private static String nameOf(String database, long id, String fallback) {
        String key = String.valueOf(id);
        for (String line : database.split("\n")) {
            String[] f = line.split(":", 4);
            if (f.length >= 3 && f[2].equals(key)) {
                return f[0];
            }
        }
        return fallback;
    }

    private static long firstNumber(String v) {
        String[] words = HostFacts.words(v == null ? "" : v);
        return words.length == 0 ? -1 : HostFacts.number(words[0], -1);
    }
}
