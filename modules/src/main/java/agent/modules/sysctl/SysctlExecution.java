package agent.modules.sysctl;

import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sysctl.get, sysctl.show and sysctl.default_config, with Salt's return values. */
public final class SysctlExecution implements ExecutionModule {

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        // get(name): the running value, "" when the kernel has no such key
        f.put("get", c -> Kernel.get(c.context().host(), Values.text(c.required(0, "name"))).orElse(""));
        // show(config_file=False): the running values, or a file's (an empty list when it is missing)
        f.put("show", c -> {
            Object file = c.arg(0, "config_file", null);
            if (file == null || !Values.truth(file)) {
                return Kernel.all(c.context().host());
            }
            Path path = Path.of(Values.text(file));
            if (!c.context().host().files().stat(path).exists()) {
                return List.of();
            }
            return SysctlConf.read(c.context().host().files(), path);
        });
        f.put("default_config", c -> SysctlConf.defaultConfig(c.context().host().files().isDirectory(SysctlConf.SYSTEMD_RUNTIME),
                c.context().grains()));
        return f;
    }
}
