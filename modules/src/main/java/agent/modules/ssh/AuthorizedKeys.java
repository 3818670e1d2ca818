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
 *
 * <p>Keys a state asks about are valid base64 already (KeyArgs and SshKey.parseLine check them),
 * so a line holding one of them is parsed without decoding its key again.
 */
final class AuthorizedKeys {

    /** What a key needs: Salt's check_key answers. */
    enum Status { ADD, UPDATE, EXISTS }

    // The lines as read, copied only when first changed: a no-change run only reads them.
    private List<String> lines;
    private boolean copied;
    private Map<String, SshKey> keys;

    AuthorizedKeys(List<String> lines) {
        this(lines, null);
    }

    /** @param parsed the keys of these lines, as {@link #keys()} gives them, when known already */
    AuthorizedKeys(List<String> lines, Map<String, SshKey> parsed) {
        this.lines = lines;
        this.keys = parsed;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The keys in the file by their base64 blob (a later line of the same key wins, as in Salt). */
    Map<String, SshKey> keys() {
        return keys(Set.of());
    }

    /** {@link #keys()}, knowing that the blobs in {@code checked} are base64. */
    Map<String, SshKey> keys(Set<String> checked) {
        if (keys == null) {
            keys = new LinkedHashMap<>();
            for (String line : lines) {
                SshKey k = SshKey.parseLine(line, checked).orElse(null);
                if (k != null) {
                    keys.put(k.key(), k);
                }
            }
        }
        return keys;
    }

    /** Whether the file holds the key, and as wanted; {@code wanted}'s blob must be base64. */
    Status status(SshKey wanted) {
        SshKey have = keys != null ? keys.get(wanted.key()) : find(wanted.key());
        if (have == null) {
            return Status.ADD;
        }
        return have.options().equals(wanted.options()) && have.enc().equals(wanted.enc())
                && have.comment().equals(wanted.comment()) ? Status.EXISTS : Status.UPDATE;
    }

    /** The last line holding this key, or null: only lines containing the blob are parsed. */
    private SshKey find(String blob) {
        SshKey found = null;
        Set<String> checked = Set.of(blob);
        for (String line : lines) {
            if (line.contains(blob)) {
                SshKey k = SshKey.parseLine(line, checked).orElse(null);
                if (k != null && k.key().equals(blob)) {
                    found = k;
                }
            }
        }
        return found;
    }

    /** Puts the key in: its lines replaced by the wanted one, or the key appended. */
    void put(SshKey key) {
        List<String> lines = editable();
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
        return editable().removeIf(line -> SshKey.parseLine(line).map(k -> blobs.contains(k.key())).orElse(false));
    }

    /** The lines, as a list of this object's own, about to change: the parsed keys are forgotten. */
    private List<String> editable() {
        keys = null;
        if (!copied) {
            lines = new ArrayList<>(lines);
            copied = true;
        }
        return lines;
    }
}
