package agent.modules.pkg;

import agent.host.DebianVersion;
import agent.host.DpkgStatus;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Package questions for templates: {@code salt['pkg.version']('nginx')},
 * {@code salt['pkg.version_cmp']('1.0', '1.0-1')}, {@code salt['pkg.list_pkgs']()}.
 * They read dpkg's database in-process; nothing is spawned.
 */
public final class PkgExecution implements ExecutionModule {

    @Override
    public String name() {
        return "pkg";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("version", PkgExecution::version);
        f.put("version_cmp", c -> Integer.signum(DebianVersion.compare(
                Values.text(c.required(0, "pkg1")), Values.text(c.required(1, "pkg2")))));
        f.put("list_pkgs", c -> {
            Map<String, String> installed = DpkgStatus.read().installed();
            if (!c.bool(-1, "versions_as_list", false)) {
                return new LinkedHashMap<String, Object>(installed);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            installed.forEach((n, v) -> out.put(n, List.of(v)));
            return out;
        });
        return f;
    }

    /** One name: its version or ""; several: {name: version}, as Salt returns them. */
    private static Object version(ExecCall c) throws Exception {
        List<String> names = new ArrayList<>();
        for (Object a : c.args()) {
            names.add(Values.text(a));
        }
        if (names.isEmpty()) {
            names.add(Values.text(c.required(0, "name")));
        }
        DpkgStatus status = DpkgStatus.read();
        if (names.size() == 1) {
            String v = status.installedVersion(names.get(0));
            return v == null ? "" : v;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            String v = status.installedVersion(n);
            out.put(n, v == null ? "" : v);
        }
        return out;
    }
}
