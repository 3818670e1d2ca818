package agent.modules.sysctl;

import agent.host.HostFiles;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.host.facts.Need;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** sysctl.present: a kernel parameter has this value now and in the configuration file. */
final class Present {

    static final StateFunction FUNCTION = new StateFunction("present", Schema.of(
            new Param("value", Param.Type.STRING, true, null,
                    "The value, as /proc/sys prints it (e.g. '4096 87380 6291456'; whitespace runs compare equal)"),
            Param.string("config", "The file that keeps the value across boots; default /etc/sysctl.d/99-salt.conf "
                    + "where systemd 207+ booted the host, else /etc/sysctl.conf").checked(Checks.PATH),
            Param.bool("ignore", false, "Salt 3001's option: a key this kernel does not have is written to the "
                    + "file only, not an error")).naming(Checks.SYSCTL_KEY),
            "Set a kernel parameter (sysctl -w) and persist it in a sysctl configuration file.",
            Present::apply).reading(Present::needs);

    private Present() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        String value = Values.text(call.raw("value"));
        Facts facts = call.context().facts();
        Optional<String> given = call.string("config");
        Path config = Path.of(given.isPresent() ? given.get()
                : SysctlConf.defaultConfig(facts.get(FileFacts.IS_DIRECTORY, SysctlConf.SYSTEMD_RUNTIME), call.context().grains()));
        Kernel.procPath(name);
        if (call.test()) {
            return predict(call, name, value, config);
        }
        HostFiles files = call.context().host().files();
        boolean running = Kernel.exists(facts, name);
        boolean ignored = !running && call.bool("ignore");
        try {
            String text = Objects.requireNonNullElse(facts.get(FileFacts.TEXT, config), SysctlConf.HEADER);
            Optional<String> updated = SysctlConf.withValue(text, name, value);
            boolean kernelDiffers = !SysctlConf.sanitized(Kernel.get(facts, name).orElse("")).equals(SysctlConf.sanitized(value));
            if (updated.isEmpty() && (!kernelDiffers || ignored)) {
                return Result.ok("Sysctl value " + name + " = " + value + " is already set");
            }
            if (!ignored) {
                // Set first: a value the kernel refuses never reaches the file (Salt writes it first).
                Kernel.assign(call.context().host(), name, value);
            }
            if (updated.isPresent()) {
                SysctlConf.write(files, config, updated.get());
            }
        } catch (IOException e) {
            return Result.failed("Failed to set " + name + " to " + value + ": " + e.getMessage());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(name, call.raw("value"));
        return Result.changed(changes, "Updated sysctl value " + name + " = " + value);
    }

    /** The running value a state compares. */
    private static List<Need<?, ?>> needs(Map<String, Object> args, Facts facts) {
        try {
            return args.get("name") instanceof String name ? List.of(new Need<>(Kernel.VALUE, Kernel.procPath(name))) : List.of();
        } catch (IllegalArgumentException e) {
            return List.of();   // an invalid name: the state says so
        }
    }

    /** Salt's test-mode verdicts, word for word (including which case wins when several apply). */
    private static Result predict(Call call, String name, String value, Path config) throws IOException {
        Map<String, String> configured;
        try {
            String text = call.context().facts().get(FileFacts.TEXT, config);
            configured = text == null ? Map.of() : SysctlConf.parse(text);
        } catch (IOException e) {
            return Result.pending(Map.of(), "Sysctl option " + name + " might be changed, we failed to check config file at "
                    + config + ". The file is either unreadable, or missing.");
        }
        String current = Kernel.get(call.context().facts(), name).orElse("");
        if (!current.isEmpty()) {
            if (configured.containsKey(name)) {
                if (words(value).equals(words(current))) {
                    return Result.ok("Sysctl value " + name + " = " + value + " is already set");
                }
            } else if (!oneSpace(current).equals(oneSpace(value))) {
                return Result.pending(Map.of(), "Sysctl option " + name + " set to be changed to " + value);
            } else {
                return Result.pending(Map.of(), "Sysctl value is currently set on the running system but not in a config file. "
                        + "Sysctl option " + name + " set to be changed to " + value + " in config file.");
            }
        } else if (configured.containsKey(name)) {
            return Result.pending(Map.of(), "Sysctl value " + name + " is present in configuration file but is not present in "
                    + "the running config. The value " + name + " is set to be changed to " + value);
        }
        return Result.pending(Map.of(), "Sysctl option " + name + " would be changed to " + value);
    }

    private static java.util.List<String> words(String s) {
        String t = s.strip();
        return t.isEmpty() ? java.util.List.of() : java.util.List.of(t.split("\\s+"));
    }

    /** Runs of spaces, or of tabs, as one space: Salt's second comparison. */
    private static String oneSpace(String s) {
        return s.replaceAll(" +|\t+", " ");
    }
}
