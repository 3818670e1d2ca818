package agent.host;

/**
 * The host layer: the only code that runs processes, changes files or reads the system's
 * databases. Modules get one of these and nothing else that touches the machine.
 */
public final class Host {

    private final Commands commands;
    private final HostFiles files;
    private final Accounts accounts;
    private final Downloads downloads = new Downloads();

    public Host(Commands commands, HostFiles files, Accounts accounts) {
        this.commands = commands;
        this.files = files;
        this.accounts = accounts;
    }

    public static Host local() {
        return new Host(new Commands(), new HostFiles(), new Accounts());
    }

    public Commands commands() {
        return commands;
    }

    public HostFiles files() {
        return files;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** HTTP(S) downloads: package files, repository keys. */
    public Downloads downloads() {
        return downloads;
    }
}
