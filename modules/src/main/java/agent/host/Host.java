package agent.host;

/**
 * The host layer: the only code that runs processes, changes files or reads the system's
 * databases. Modules get one of these and nothing else that touches the machine.
 */
public final class Host {

    private final Commands commands;
    private final HostFiles files;
    private final HostChanges changes;
    private final Accounts accounts;
    private volatile InitSystem initSystem;
    private final Downloads downloads = new Downloads();

    public Host(Commands commands, HostFiles files, Accounts accounts) {
        this(commands, files, accounts, new HostChanges());
    }

    /** @param changes where {@code commands} and {@code files} report what they change */
    public Host(Commands commands, HostFiles files, Accounts accounts, HostChanges changes) {
        this.commands = commands;
        this.files = files;
        this.accounts = accounts;
        this.changes = changes;
    }

    public static Host local() {
        return local(Command.DEFAULT_TIMEOUT);
    }

    /** This machine, with a time limit for every process that sets none. */
    public static Host local(java.time.Duration processTimeout) {
        HostChanges changes = new HostChanges();
        Commands commands = new Commands(processTimeout, changes);
        HostFiles files = new HostFiles(changes);
        return new Host(commands, files, new Accounts(java.nio.file.Path.of("/etc")), changes);
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

    /** What this host's commands and file writes report they changed (facts listen to it). */
    public HostChanges changes() {
        return changes;
    }

    /** The processes running now. */
    public Processes processes() {
        return new Processes();
    }

    /** Which init system runs services here; it cannot change while the agent runs. */
    public InitSystem initSystem() {
        InitSystem s = initSystem;
        if (s == null) {
            s = InitSystem.detect();
            initSystem = s;
        }
        return s;
    }

    /** HTTP(S) downloads: package files, repository keys. */
    public Downloads downloads() {
        return downloads;
    }
}
