package agent.modules.ssh;

import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ssh_auth.manage: the user's authorized_keys holds exactly these keys; any other key is removed.
 * The file is written once, whatever the number of keys.
 */
final class AuthManage {

    static final StateFunction FUNCTION = new StateFunction("manage",
            Schema.of(AuthParams.common()).naming(Checks.NOT_OPTION).plus(Param.list("ssh_keys", "The keys, each as ssh_auth.present's name takes it").requiredArg()),
            "Ensure a user's authorized_keys holds exactly the listed keys (and those of source).",
            AuthManage::apply).reading(AuthTarget::needs);

    private AuthManage() {
    }

    static Result apply(Call call) throws Exception {
        List<SshKey> wanted = new ArrayList<>();
        for (String text : call.strings("ssh_keys")) {
            wanted.add(KeyArgs.of(text, call));
        }
        if (!call.string("source", "").isEmpty()) {
            Optional<List<SshKey>> fromSource = SourceKeys.load(call);
            if (fromSource.isEmpty()) {
                return Result.failed("Failed to add the ssh key. Source file " + call.string("source").orElseThrow() + " is missing");
            }
            wanted.addAll(fromSource.get());
        }
        Optional<AuthTarget> found = AuthTarget.of(call);
        if (found.isEmpty()) {
            return Result.failed("Failed to manage the ssh keys. User " + call.string("user").orElseThrow() + " does not exist");
        }
        AuthTarget target = found.get();
        String user = target.user();
        AuthorizedKeys keys = target.read();
        Set<String> keep = new LinkedHashSet<>();
        wanted.forEach(k -> keep.add(k.key()));
        Set<String> remove = new LinkedHashSet<>(keys.keys(keep).keySet());
        remove.removeAll(keep);

        Map<String, Object> changes = new LinkedHashMap<>();
        List<String> comments = new ArrayList<>();
        for (String blob : remove) {
            changes.put(blob, "Key removed");
            comments.add(call.test() ? blob + " Key set for removal" : "Key " + blob + " removed");
        }
        List<SshKey> put = new ArrayList<>();
        for (SshKey k : wanted) {
            switch (keys.status(k)) {
                case ADD -> {
                    put.add(k);
                    changes.put(k.key(), "New");
                    comments.add(call.test() ? "Key " + k.key() + " for user " + user + " is set to be added"
                            : "The authorized host key " + k.key() + " for user " + user + " was added");
                }
                case UPDATE -> {
                    put.add(k);
                    changes.put(k.key(), "Updated");
                    comments.add(call.test() ? "Key " + k.key() + " for user " + user + " is set to be updated"
                            : "The authorized host key " + k.key() + " for user " + user + " was updated");
                }
                case EXISTS -> comments.add("The authorized host key " + k.key() + " is already present for user " + user);
            }
        }
        List<String> permissions = target.badPermissions();
        if (!permissions.isEmpty()) {
            changes.put("permissions", permissions);
        }
        String comment = String.join("\n", comments);
        if (changes.isEmpty()) {
            return Result.ok(comment);
        }
        if (call.test()) {
            return Result.pending(changes, comment);
        }
        if (!put.isEmpty() && target.homeMissing()) {
            return Result.failed(AuthTarget.NO_HOME);
        }
        keys.remove(remove);
        put.forEach(keys::put);
        target.save(keys, !remove.isEmpty() || !put.isEmpty());
        return Result.changed(changes, comment);
    }
}
