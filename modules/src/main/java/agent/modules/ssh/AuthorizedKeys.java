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

    AuthorizedKeys(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The keys in the file by their base64 blob (a later line of the same key wins, as in Salt). */
    Map<String, SshKey> keys() {
        Map<String, SshKey> out = new LinkedHashMap<>();
        for (String line : lines) {
            SshKey.parseLine(line).ifPresent(k -> out.put(k.key(), k));
        }
        return out;
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
        return lines.removeIf(line -> SshKey.parseLine(line).map(k -> blobs.contains(k.key())).orElse(false));
    }
}
