package agent.modules.ssh;

import agent.host.HostFiles;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ssh_known_hosts.present: a host's key is known. With {@code key} nothing is fetched; with
 * {@code fingerprint} (or neither) ssh-keyscan runs only when the file lacks a matching entry.
 */
final class KnownHostsPresent {

    static final StateFunction FUNCTION = new StateFunction("present", Schema.of(
            Param.string("user", "The user whose ~/.ssh/known_hosts is managed; unset: the system file").checked(Checks.USER),
            Param.string("key", "The host's public key (base64); needs enc").checked(Checks.NOT_OPTION),
            Param.string("enc", "Key type: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa ...").checked(Checks.NOT_OPTION),
            Param.string("fingerprint", "Fingerprint the host's key must have (hex pairs, or SHA256:... as ssh-keygen -l prints); the key is fetched with ssh-keyscan").checked(Checks.NOT_OPTION),
            Param.oneOf("fingerprint_hash_type", "Digest of a hex fingerprint", Checks.DIGESTS.toArray(String[]::new))
                    .withDefault("sha256"),
            Param.integer("port", "The host's ssh port, when not 22: entries are written as [host]:port").checked(Checks.PORT),
            Param.string("config", "The file: relative to the user's home (default .ssh/known_hosts), or absolute (default /etc/ssh/ssh_known_hosts)").checked(Checks.NOT_OPTION),
            Param.bool("hash_known_hosts", true, "Write the host name hashed, as ssh's HashKnownHosts does"),
            Param.integer("timeout", "Seconds ssh-keyscan waits for the host").withDefault(5).checked(Checks.range(1, 3600))).naming(Checks.HOST),
            "Ensure a host's public key is in a known_hosts file.",
            KnownHostsPresent::apply);

    private KnownHostsPresent() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        String config = KnownHostsFile.config(call);
        String key = call.string("key").orElse(null);
        String fingerprint = call.string("fingerprint").orElse(null);
        String enc = call.string("enc").orElse(null);
        String hashType = call.string("fingerprint_hash_type", "sha256");
        KeyArgs.digest(hashType);
        if (key != null && fingerprint != null) {
            return Result.failed("Specify either \"key\" or \"fingerprint\", not both.");
        }
        if (key != null && enc == null) {
            return Result.failed("Required argument \"enc\" if using \"key\" argument.");
        }
        if (key != null && !SshKey.isBase64(key)) {
            return Result.failed(KeyArgs.INVALID);
        }
        KeyFilePlace place = KnownHostsFile.place(call);
        Integer port = call.integer("port").map(Long::intValue).orElse(null);
        String host = KnownHosts.hostField(name, port);
        HostFiles files = call.context().host().files();
        KnownHosts known = new KnownHosts(call.context().facts().get(KeyFiles.KNOWN_HOSTS, place.file()).lines());
        List<KnownHosts.Entry> stored = known.find(host);
        boolean present = key != null ? stored.stream().anyMatch(e -> e.key().equals(key))
                : fingerprint != null ? stored.stream().anyMatch(e -> Fingerprint.matches(e.key(), fingerprint, hashType))
                : !stored.isEmpty();
        if (present) {
            return Result.ok(call.test() ? "Host " + name + " is already in " + config : name + " already exists in " + config);
        }
        Object old = stored.isEmpty() ? null : stored.stream().map(e -> e.info(hashType)).toList();
        if (call.test()) {
            Map<String, Object> wanted = new LinkedHashMap<>();
            wanted.put("hostname", host);
            if (enc != null) {
                wanted.put("enc", enc);
            }
            if (key != null) {
                wanted.put("key", key);
            }
            wanted.put("fingerprint", key != null ? Fingerprint.of(key, hashType) : fingerprint);
            return Result.pending(changes(old, List.of(wanted)), "Key for " + name + " is set to be "
                    + (stored.isEmpty() ? "added to " : "updated in ") + config);
        }

        List<KeyScan.Offered> keys = key != null ? List.of(new KeyScan.Offered(enc, key))
                : KeyScan.scan(call.context().host().commands(), name, port, enc,
                        call.integer("timeout").map(Long::intValue).orElse(5));
        if (keys.isEmpty()) {
            return Result.failed("Unable to receive remote host keys");
        }
        if (fingerprint != null) {
            keys = keys.stream().filter(k -> Fingerprint.matches(k.key(), fingerprint, hashType)).toList();
            if (keys.isEmpty()) {
                return Result.failed("Remote host public keys found but none of their fingerprints match the one you have provided");
            }
        }
        // A new key replaces the host's old key of the same type.
        Set<String> types = keys.stream().map(KeyScan.Offered::enc).collect(Collectors.toSet());
        known.remove(stored.stream().filter(e -> types.contains(e.enc())).toList());
        boolean hash = call.bool("hash_known_hosts");
        List<Map<String, Object>> added = new ArrayList<>();
        for (KeyScan.Offered k : keys) {
            known.add(host, k.enc(), k.key(), hash);
            added.add(new KnownHosts.Entry(0, host, k.enc(), k.key()).info(hashType));
        }
        place.makeParents(files);
        KeyFiles.write(files, place.file(), known.lines(), place.forWrite(files));
        String saved = key != null ? "key: " + key : "fingerprint: " + added.getFirst().get("fingerprint");
        return Result.changed(changes(old, added), name + "'s key saved to " + config + " (" + saved + ")");
    }

    private static Map<String, Object> changes(Object old, Object added) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old", old);
        m.put("new", added);
        return m;
    }
}
