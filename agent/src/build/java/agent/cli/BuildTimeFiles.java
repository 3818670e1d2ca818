package agent.cli;

import agent.app.Docs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Writes the files made from the CLI model at build time: the bash (and zsh) completion script
 * and the man page. Usage: BuildTimeFiles VERSION COMPLETION_FILE MAN_FILE
 */
public final class BuildTimeFiles {

    private BuildTimeFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BuildTimeFiles VERSION COMPLETION_FILE MAN_FILE");
            System.exit(ExitCode.BAD_INPUT);
        }
        String version = args[0];
        CommandLine cli = new CommandLine(new AgentCommand(version).spec(), Opts.NO_FACTORY);
        List<String> functions = new ArrayList<>(Docs.sysDoc(List.of()).keySet());
        write(Path.of(args[1]), new CompletionScript(cli.getCommandSpec(), functions, Docs.names()).render());
        write(Path.of(args[2]), new ManPage(cli.getCommandSpec(), version, LocalDate.now().toString()).render());
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text);
    }
}
