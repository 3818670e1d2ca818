package agent.modules.ssh;

import agent.host.AccountNames;
import agent.host.Accounts;
import agent.host.HostFiles;
import agent.host.facts.AccountFacts;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import agent.host.facts.Need;
import agent.modules.accounts.Planned;
import agent.spi.Call;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The authorized_keys file a ssh_auth state works on: its user, place, lines and permissions. */
final class AuthTarget {

    static final String DEFAULT_CONFIG = ".ssh/authorized_keys";
    static final String NO_HOME = "Failed to add the ssh key. Is the home directory available, and/or does the key file exist?";

    private final Call call;
    private final String user;
    private final KeyFilePlace place;
    private final boolean planned;
    private KeyFiles.Snapshot loaded;

    private AuthTarget(Call call, String user, KeyFilePlace place, boolean planned) {
        this.call = call;
        this.user = user;
        this.place = place;
        this.planned = planned;
    }

    /**
     * The state's file; empty when its user does not exist (in test mode, nor is created by an
     * earlier state).
     */
    static Optional<AuthTarget> of(Call call) throws IOException {
        String user = AccountNames.check("user", call.string("user").orElseThrow());
        KeyArgs.checkHashType(call);
        String config = call.string("config", DEFAULT_CONFIG);
        Accounts.User account = call.context().facts().get(AccountFacts.DATABASE).user(user);
        if (account != null) {
            return Optional.of(new AuthTarget(call, user, place(config, account), false));
        }
        Optional<String> home = call.test() ? Planned.of(call.context()).userHome(user) : Optional.empty();
        return home.map(h -> new AuthTarget(call, user,
                new KeyFilePlace(KeyFilePlace.resolve(config, user, h, true), Path.of(h), null, null, 0600, true), true));
    }

    /**
     * What a state with these arguments reads: the account database, then the user's key file
     * and the folders sshd checks above it.
     */
    static List<Need<?, ?>> needs(Map<String, Object> args, Facts facts) throws IOException {
        List<Need<?, ?>> needs = new ArrayList<>(List.of(Need.whole(AccountFacts.DATABASE)));
        Accounts.User account = args.get("user") instanceof String user && AccountNames.isValid(user)
                ? facts.get(AccountFacts.DATABASE).user(user) : null;
        if (account == null) {
            return needs;
        }
        Object config = args.get("config");
        try {
            KeyFilePlace place = place(config == null ? DEFAULT_CONFIG : Values.text(config), account);
            needs.add(new Need<>(KeyFiles.AUTHORIZED, place.file()));
            for (Path folder : place.guarded()) {
                if (!folder.equals(place.file())) {
                    needs.add(new Need<>(FileFacts.STAT, folder));
                }
            }
        } catch (IllegalArgumentException e) {
            // A config path with a bad token: the state says so itself.
        }
        return needs;
    }

    /** Where an existing user's key file is, and who must own it. */
    static KeyFilePlace place(String config, Accounts.User account) {
        String home = account.home();
        Path file = KeyFilePlace.resolve(config, account.name(), home, true);
        return new KeyFilePlace(file, Path.of(home), account.uid(), account.gid(), 0600, true);
    }

    String user() {
        return user;
    }

    Path file() {
        return place.file();
    }

    AuthorizedKeys read() throws IOException {
        if (planned) {
            return new AuthorizedKeys(List.of());
        }
        loaded = call.context().facts().get(KeyFiles.AUTHORIZED, place.file());
        return new AuthorizedKeys(loaded.lines(), loaded.keys());
    }

    /** Folders and file sshd would refuse, described; empty when all is well. Call after read(). */
    List<String> badPermissions() {
        if (planned) {
            return List.of();
        }
        Facts facts = call.context().facts();
        return place.badPermissions(folder -> facts.read(FileFacts.STAT, folder), loaded.stat());
    }

    boolean homeMissing() {
        return !planned && place.homeMissing(files());
    }

    /** Writes the new lines when they differ, and repairs permissions either way. */
    void save(AuthorizedKeys keys, boolean linesChanged) throws IOException {
        HostFiles files = files();
        if (linesChanged) {
            place.makeParents(files);
            KeyFiles.write(files, place.file(), keys.lines(), place.forWrite(files));
        }
        place.fixPermissions(files);
    }

    private HostFiles files() {
        return call.context().host().files();
    }
}
