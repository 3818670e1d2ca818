package agent.modules.ssh;

import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ssh_auth.present: a key (or every key of a source file) is in the user's authorized_keys. */
final class AuthPresent {

    static final StateFunction FUNCTION = new StateFunction("present", Schema.of(AuthParams.common()).naming(Checks.NOT_OPTION),
            "Ensure a public key is authorized for a user. The name is the key: \"[options] type key [comment]\" or just the base64 key.",
            AuthPresent::apply).reading(AuthTarget::needs);

    private AuthPresent() {
    }

    static Result apply(Call call) throws Exception {
        boolean fromSource = !call.string("source", "").isEmpty();
        List<SshKey> wanted;
        if (fromSource) {
            Optional<List<SshKey>> keys = SourceKeys.load(call);
            if (keys.isEmpty()) {
                return Result.failed("Failed to add the ssh key. Source file " + call.string("source").orElseThrow() + " is missing");
            }
            wanted = keys.get();
        } else {
            wanted = List.of(KeyArgs.of(call.name(), call));
        }
        String label = fromSource ? call.name() : wanted.getFirst().key();
        Optional<AuthTarget> found = AuthTarget.of(call);
        if (found.isEmpty()) {
            return Result.failed("Failed to add the ssh key. User " + call.string("user").orElseThrow() + " does not exist");
        }
        AuthTarget target = found.get();
        AuthorizedKeys keys = target.read();
        Map<SshKey, AuthorizedKeys.Status> todo = new LinkedHashMap<>();
        for (SshKey k : wanted) {
            AuthorizedKeys.Status s = keys.status(k);
            if (s != AuthorizedKeys.Status.EXISTS) {
                todo.put(k, s);
            }
        }
        List<String> permissions = target.badPermissions();
        String what = todo.containsValue(AuthorizedKeys.Status.UPDATE) ? "updated" : "added";
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!todo.isEmpty()) {
            changes.put(label, what.equals("updated") ? "Updated" : "New");
        }
        if (!permissions.isEmpty()) {
            changes.put("permissions", permissions);
        }
        if (changes.isEmpty()) {
            return Result.ok(fromSource ? "All host keys in file " + call.string("source").orElseThrow() + " are already present"
                    : "The authorized host key " + label + " is already present for user " + target.user());
        }
        if (call.test()) {
            StringBuilder comment = new StringBuilder();
            todo.forEach((k, s) -> comment.append(fromSource
                    ? "Set to " + s.name().toLowerCase(java.util.Locale.ROOT) + ": " + k.key() + "\n"
                    : "Key " + k.key() + " for user " + target.user() + " is set to be " + (s == AuthorizedKeys.Status.ADD ? "added" : "updated")));
            permissions.forEach(p -> comment.append(comment.isEmpty() ? "" : "\n").append("Permissions to be fixed: ").append(p));
            return Result.pending(changes, comment.toString().strip());
        }
        if (!todo.isEmpty() && target.homeMissing()) {
            return Result.failed(AuthTarget.NO_HOME);
        }
        todo.keySet().forEach(keys::put);
        target.save(keys, !todo.isEmpty());
        return Result.changed(changes, todo.isEmpty() ? "Fixed permissions of " + target.file()
                : "The authorized host key " + label + " for user " + target.user() + " was " + what);
    }
}
