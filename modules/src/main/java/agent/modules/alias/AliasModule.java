package agent.modules.alias;

import agent.host.facts.FileFacts;
import agent.host.facts.Need;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import java.util.List;
import java.util.Map;

/** Mail aliases in /etc/aliases. */
public final class AliasModule implements StateModule {

    /** What every alias state reads. */
    private static final List<Need<?, ?>> ALIASES = List.of(new Need<>(FileFacts.TEXT, AliasesFile.PATH));

    static final StateFunction PRESENT = new StateFunction("present", Schema.of(
            Param.list("target", "The address(es) mail to the alias goes to: one, or a list (joined with \", \")").requiredArg()
                    .checked(Checks.NOT_OPTION)).naming(Checks.ALIAS),
            "Ensure an alias exists with exactly this target.", AliasModule::present)
            .reading((args, facts) -> ALIASES);

    static final StateFunction ABSENT = new StateFunction("absent", Schema.of().naming(Checks.ALIAS),
            "Ensure an alias does not exist.", AliasModule::absent)
            .reading((args, facts) -> ALIASES);

    @Override
    public String name() {
        return "alias";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(PRESENT, ABSENT);
    }

    @Override
    public String doc() {
        return "Manage mail aliases in /etc/aliases (written atomically; newaliases runs after a change when installed).";
    }

    private static Result present(Call call) throws Exception {
        String name = checked(call.name());
        String target = String.join(", ", call.strings("target"));
        if (target.isBlank() || target.contains("\n")) {
            return Result.failed("Alias " + name + " needs a target on one line");
        }
        var host = call.context().host();
        AliasesFile file = AliasesFile.read(call.context().facts());
        if (target.equals(file.aliases().get(name))) {
            return Result.ok("Alias " + name + " already present");
        }
        if (call.test()) {
            return Result.pending(Map.of("alias", name), "Alias " + name + " -> " + target + " is set to be added");
        }
        file.set(name, target);
        file.save(host.files(), host.commands());
        return Result.changed(Map.of("alias", name), "Set email alias " + name + " -> " + target);
    }

    private static Result absent(Call call) throws Exception {
        String name = checked(call.name());
        var host = call.context().host();
        AliasesFile file = AliasesFile.read(call.context().facts());
        if (!file.aliases().containsKey(name)) {
            return Result.ok("Alias " + name + " already absent");
        }
        if (call.test()) {
            return Result.pending(Map.of("alias", name), "Alias " + name + " is set to be removed");
        }
        file.remove(name);
        file.save(host.files(), host.commands());
        return Result.changed(Map.of("alias", name), "Removed alias " + name);
    }

    /** An alias name cannot hold the characters that separate the file's fields. */
    private static String checked(String name) {
        if (name.isBlank() || name.matches(".*[:#\\s].*")) {
            throw new IllegalArgumentException("Invalid alias name '" + name + "'");
        }
        return name;
    }
}
