package agent.modules.ssh;

import agent.host.HostFiles;
import agent.spi.Call;
import agent.spi.Checks;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ssh_known_hosts.absent: no key of the host is in the known_hosts file. */
final class KnownHostsAbsent {

    static final StateFunction FUNCTION = new StateFunction("absent", Schema.of(
            Param.string("user", "The user whose ~/.ssh/known_hosts is managed; unset: the system file").checked(Checks.USER),
            Param.string("config", "The file: relative to the user's home (default .ssh/known_hosts), or absolute (default /etc/ssh/ssh_known_hosts)").checked(Checks.NOT_OPTION),
            Param.integer("port", "The host's ssh port, when not 22").checked(Checks.PORT)).naming(Checks.HOST),
            "Ensure a host has no key in a known_hosts file.",
            KnownHostsAbsent::apply);

    private KnownHostsAbsent() {
    }

    static Result apply(Call call) throws Exception {
        String name = call.name();
        String config = KnownHostsFile.config(call);
        KeyFilePlace place = KnownHostsFile.place(call);
        HostFiles files = call.context().host().files();
        KnownHosts known = new KnownHosts(call.context().facts().get(KeyFiles.KNOWN_HOSTS, place.file()).lines());
        String host = KnownHosts.hostField(name, call.integer("port").map(Long::intValue).orElse(null));
        List<KnownHosts.Entry> stored = known.find(host);
        if (stored.isEmpty()) {
            return Result.ok("Host is already absent");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("old", stored.stream().map(e -> e.info("sha256")).toList());
        changes.put("new", null);
        if (call.test()) {
            return Result.pending(changes, "Key for " + name + " is set to be removed from " + config);
        }
        known.remove(stored);
        KeyFiles.write(files, place.file(), known.lines(), place.forWrite(files));
        StringBuilder comment = new StringBuilder();
        stored.forEach(e -> comment.append("# Host ").append(host).append(" found: line ").append(e.line()).append('\n'));
        return Result.changed(changes, comment + place.file().toString() + " updated.");
    }
}
