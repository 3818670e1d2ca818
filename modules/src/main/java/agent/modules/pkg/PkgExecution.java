package agent.modules.pkg;

import agent.host.DebianVersion;
import agent.host.DpkgRecords;
import agent.host.DpkgStatus;
import agent.spi.ExecCall;
import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        f.put("info_installed", PkgExecution::infoInstalled);
        f.put("owner", c -> {
            DpkgRecords dpkg = new DpkgRecords(c.context().host().files());
            if (c.args().size() == 1) {
                return dpkg.owner(Values.text(c.args().get(0))).orElse("");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object p : c.args()) {
                out.put(Values.text(p), dpkg.owner(Values.text(p)).orElse(""));
            }
            return out;
        });
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

    /**
     * {name: {name, install_date, architecture, packager, source, version, group, url, description,
     * license}} of installed packages, from dpkg's records as Salt's lowpkg reads them.
     */
    private static Object infoInstalled(ExecCall c) throws Exception {
        DpkgRecords dpkg = new DpkgRecords(c.context().host().files());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object a : c.args()) {
            String name = Values.text(a);
            Optional<Map<String, String>> found = dpkg.installed(name);
            if (found.isEmpty()) {
                continue;
            }
            Map<String, String> f = found.get();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", name);
            dpkg.installedAt(name, f.getOrDefault("Architecture", "")).ifPresent(t ->
                    info.put("install_date", t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
            info.put("architecture", f.get("Architecture"));
            info.put("packager", f.get("Maintainer"));
            String source = f.getOrDefault("Source", name);
            info.put("source", source.contains(" ") ? source.substring(0, source.indexOf(' ')) : source);
            info.put("version", f.get("Version"));
            info.put("group", f.get("Section"));
            if (f.containsKey("Homepage")) {
                info.put("url", f.get("Homepage"));
            }
            info.put("description", f.get("Description"));
            String license = licenses(c, name);
            if (!license.isEmpty()) {
                info.put("license", license);
            }
            out.put(name, info);
        }
        return out;
    }

    /** The License: values of the package's copyright file, each once, as Salt lists them. */
    private static String licenses(ExecCall c, String name) throws java.io.IOException {
        java.nio.file.Path copyright = java.nio.file.Path.of("/usr/share/doc", name, "copyright");
        if (!c.context().host().files().stat(copyright).isFile()) {
            return "";
        }
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (String line : c.context().host().files().readText(copyright).lines().toList()) {
            if (line.startsWith("License:")) {
                String l = line.substring("License:".length()).strip();
                if (!l.isEmpty()) {
                    seen.add(l);
                }
            }
        }
        return String.join(", ", seen);
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
