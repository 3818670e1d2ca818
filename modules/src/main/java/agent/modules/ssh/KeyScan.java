package agent.modules.ssh;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks a remote host for its public keys with ssh-keyscan (only when a key must be fetched). */
final class KeyScan {

    /** One key the host offered. */
    record Offered(String enc, String key) {
    }

    private KeyScan() {
    }

    static List<Offered> scan(Commands commands, String host, Integer port, String enc, int timeoutSeconds) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ssh-keyscan"));
        if (port != null) {
            argv.addAll(List.of("-p", String.valueOf(port)));
        }
        if (enc != null) {
            argv.addAll(List.of("-t", enc));
        }
        argv.addAll(List.of("-T", String.valueOf(timeoutSeconds), "--", host));
        // It asks another machine and changes nothing here: a query.
        CommandResult r = commands.run(Command.of(argv).withTimeout(Duration.ofSeconds(timeoutSeconds + 10L)).asQuery());
        List<Offered> out = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            String[] f = SshKey.splitBlanks(line, 0);
            if (f.length >= 3 && !f[0].startsWith("#") && SshKey.isBase64(f[2])) {
                out.add(new Offered(f[1], f[2]));
            }
        }
        return out;
    }
}
