package agent.grains;

import agent.host.Commands;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * This host's grains under Salt's names. The core ones come from direct reads of /etc, /proc
 * and /sys (no process, no DNS; about a millisecond); the costly ones (OSHI's hardware view,
 * systemctl, the clock's zone names) are lazy groups computed when first read.
 */
public final class CoreGrains {

    private final HostFacts host;
    private final Map<String, String> env;
    private final Commands commands;

    public CoreGrains(Commands commands) {
        this(Path.of("/"), System.getenv(), commands);
    }

    CoreGrains(Path root, Map<String, String> env, Commands commands) {
        this.host = new HostFacts(root);
        this.env = env;
        this.commands = commands;
    }

    /** @param configuredId config id or --id, or null for the fqdn */
    public Grains collect(String configuredId, String agentVersion) {
        return collect(configuredId, agentVersion, "salt");
    }

    /** @param master the config's master option, which Salt shows as a grain (unused masterless) */
    public Grains collect(String configuredId, String agentVersion, String master) {
        Map<String, Object> g = new TreeMap<>();
        IdentityGrains.collect(host, g);
        String id = configuredId != null ? configuredId : (String) g.get("fqdn");
        g.put("id", id);
        OsGrains.collect(host, g);
        NetworkGrains.collect(host, g);
        SystemGrains.collect(host, g);
        ProcessGrains.collect(host, env, g);
        g.put("agentversion", agentVersion);
        g.put("master", master);
        // The Salt release whose state semantics we follow, for formulas that test it.
        g.put("saltversion", "3006.0");
        g.put("saltversioninfo", List.of(3006L, 0L));
        Grains grains = new Grains(g);
        // SHA-256 loads the security providers: 15 ms on a cold start, for a rarely read grain.
        grains.lazy("server id", Set.of("server_id"), () -> Map.of("server_id", serverId(id)));
        grains.lazy("block device", BlockGrains.KEYS, () -> BlockGrains.collect(host));
        grains.lazy("locale", LocaleGrains.KEYS, () -> LocaleGrains.collect(env));
        if (Commands.which("systemctl").isPresent()) {
            grains.lazy("systemd", SystemdGrains.KEYS, () -> SystemdGrains.collect(commands));
        }
        grains.lazy("hardware", HardwareGrains.KEYS, HardwareGrains::collect);
        return grains;
    }

    /** Salt's server_id: the id's SHA-256 as an integer, modulo 2^31. */
    static long serverId(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).mod(BigInteger.TWO.pow(31)).longValue();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
