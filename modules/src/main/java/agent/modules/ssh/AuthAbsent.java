package agent.modules.ssh;

import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ssh_auth.absent: a key (or every key of a source file) is not in the user's authorized_keys. */
final class AuthAbsent {

    static final StateFunction FUNCTION = new StateFunction("absent", Schema.of(AuthParams.common()).naming(Checks.NOT_OPTION),
            "Ensure a public key is not authorized for a user.",
            AuthAbsent::apply).reading(AuthTarget::needs);

    private AuthAbsent() {
    }

    static Result apply(Call call) throws Exception {
        boolean fromSource = !call.string("source", "").isEmpty();
        Set<String> blobs = new LinkedHashSet<>();
        if (fromSource) {
            Optional<List<SshKey>> keys = SourceKeys.load(call);
            if (keys.isEmpty()) {
                return Result.failed("Failed to remove the ssh key. Source file " + call.string("source").orElseThrow() + " is missing");
            }
            keys.get().forEach(k -> blobs.add(k.key()));
        } else {
            blobs.add(KeyArgs.of(call.name(), call).key());
        }
        String label = fromSource ? call.name() : blobs.iterator().next();
        String absent = call.test()
                ? (fromSource ? "All host keys in file " + call.string("source").orElseThrow() + " are already absent" : "Key is already absent")
                : "Key not present";
        Optional<AuthTarget> found = AuthTarget.of(call);
        if (found.isEmpty()) {
            return Result.ok(absent);
        }
        AuthTarget target = found.get();
        AuthorizedKeys keys = target.read();
        Set<String> present = new LinkedHashSet<>(blobs);
        present.retainAll(keys.keys(blobs).keySet());
        if (present.isEmpty()) {
            return Result.ok(absent);
        }
        if (call.test()) {
            String comment = fromSource
                    ? String.join("\n", present.stream().map(k -> "Set to remove: " + k).toList())
                    : "Key " + label + " for user " + target.user() + " is set for removal";
            return Result.pending(Map.of(label, "Removed"), comment);
        }
        keys.remove(present);
        target.save(keys, true);
        return Result.changed(Map.of(label, "Removed"), "Key removed");
    }
}
