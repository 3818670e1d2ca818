package agent.modules.ssh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lines of one authorized_keys file, changed in memory: keys replaced where they stand,
 * new keys appended, comments and unrelated lines kept as they are.
 */
final class AuthorizedKeys {

    /** What a key needs: Salt's check_key answers. */
    enum Status { ADD, UPDATE, EXISTS }

    private final List<String> lines;
    private Map<String, SshKey> keys;

    AuthorizedKeys(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The keys in the file by their base64 blob (a later line of the same key wins, as in Salt). */
    Map<String, SshKey> keys() {
        if (keys == null) {
            keys = new LinkedHashMap<>();
            for (String line : lines) {
                SshKey k = SshKey.parseLine(line).orElse(null);
                if (k != null) {
                    keys.put(k.key(), k);
                }
            }
        }
        return keys;
    }

    Status status(SshKey wanted) {
        SshKey have = keys().get(wanted.key());
        if (have == null) {
            return Status.ADD;
        }
        return have.options().equals(wanted.options()) && have.enc().equals(wanted.enc())
                && have.comment().equals(wanted.comment()) ? Status.EXISTS : Status.UPDATE;
    }

    /** Puts the key in: its lines replaced by the wanted one, or the key appended. */
    void put(SshKey key) {
        keys = null;
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            Optional<SshKey> k = SshKey.parseLine(lines.get(i));
            if (k.isPresent() && k.get().key().equals(key.key())) {
                if (replaced) {
                    lines.remove(i--);
                } else {
                    lines.set(i, key.line());
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            lines.add(key.line());
        }
    }

    /** Removes every line holding one of these keys; true when something was removed. */
    boolean remove(Set<String> blobs) {
        keys = null;
        return lines.removeIf(line -> SshKey.parseLine(line).map(k -> blobs.contains(k.key())).orElse(false));
    }
}
