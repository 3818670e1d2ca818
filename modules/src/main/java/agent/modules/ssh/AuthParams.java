package agent.modules.ssh;

import agent.spi.Checks;
import agent.spi.Param;

/** The arguments every ssh_auth function shares. */
final class AuthParams {

    private AuthParams() {
    }

    static Param[] common() {
        return new Param[] {
            Param.string("user", "The user whose authorized_keys file is managed").requiredArg().checked(Checks.USER),
            Param.string("enc", "Key type when the name holds only the key: ssh-rsa (default), ssh-ed25519, ecdsa, dsa ...")
                    .withDefault("ssh-rsa").checked(Checks.NOT_OPTION),
            Param.string("comment", "Comment after the key, when the name has none"),
            Param.list("options", "Key options (from=\"...\", no-pty ...), when the name has none"),
            Param.string("config", "The file, relative to the home or absolute; %h and %u are expanded")
                    .withDefault(AuthTarget.DEFAULT_CONFIG).checked(Checks.NOT_OPTION),
            Param.oneOf("fingerprint_hash_type", "Digest Salt fingerprints keys with; checked, not otherwise needed",
                    Checks.DIGESTS.toArray(String[]::new)),
            Param.string("source", "A file of keys in authorized_keys format (salt:// or absolute): all of them are managed")};
    }
}
