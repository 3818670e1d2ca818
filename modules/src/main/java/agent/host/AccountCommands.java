package agent.host;

import java.io.IOException;

/**
 * Changes to the account databases. They go through shadow-utils (useradd, usermod, groupadd,
 * gpasswd, chpasswd, chage ...), never by editing the files here: the tools take the database
 * locks, keep gshadow in step and tell nscd. After each command the parsed databases are dropped.
 */
public final class AccountCommands {

    private final Commands commands;
    private final Accounts accounts;

    public AccountCommands(Host host) {
        this.commands = host.commands();
        this.accounts = host.accounts();
    }

    /** Runs one tool and returns how it ended, for callers that judge exit codes themselves. */
    public CommandResult attempt(Command command) throws IOException {
        try {
            return commands.run(command);
        } finally {
            accounts.invalidate();
        }
    }

    /** Runs one tool; a failure becomes an error carrying the tool's own message. */
    public void run(Command command) throws IOException {
        CommandResult r = attempt(command);
        if (!r.ok()) {
            String why = r.stderr().strip().isEmpty() ? r.stdout().strip() : r.stderr().strip();
            throw new IOException(command.argv().get(0) + " failed (exit " + r.exitCode() + ")"
                    + (why.isEmpty() ? "" : ": " + why));
        }
    }

    public void run(String... argv) throws IOException {
        run(Command.of(argv));
    }

    /**
     * Sets a crypt hash with {@code chpasswd -e}: the hash goes through standard input, never the
     * argument vector (which any user can read in /proc).
     */
    public void setPasswordHash(String user, String hash) throws IOException {
        if (hash.indexOf(':') >= 0 || hash.indexOf('\n') >= 0) {
            // The message must not repeat the hash.
            throw new IllegalArgumentException("A password hash cannot contain ':' or a line break");
        }
        run(Command.of("chpasswd", "-e").withStdin(AccountNames.check("user", user) + ":" + hash + "\n"));
    }
}
