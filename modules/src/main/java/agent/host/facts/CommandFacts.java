package agent.host.facts;

import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import agent.host.HostChange;
import java.io.IOException;

/** What read-only commands print, as facts. */
public final class CommandFacts {

    private CommandFacts() {
    }

    /**
     * The result of a command that only reads (run as a {@linkplain Command#asQuery query}),
     * keyed by the command itself: for what only a program can answer (git's configuration, with
     * its includes). What the program reads is not known here, so the result is stale after any
     * change; a fact that knows its sources (a {@link FileFact}) keeps its values longer.
     */
    public static final Fact<Command, CommandResult> RESULT = new Fact<>() {
        @Override
        public String name() {
            return "query result";
        }

        @Override
        public CommandResult read(Host host, Command command) throws IOException {
            return host.commands().run(command.asQuery());
        }

        @Override
        public boolean staleAfter(HostChange change) {
            return true;
        }
    };
}
