package agent.grains;

import agent.InputError;
import agent.data.YamlReader;
import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grains the user adds, over the host's: files and programs in the grains_dirs, then the grains
 * file (/etc/agent/grains), then the config's {@code grains:} (which --grain extends). Each source
 * replaces whole top-level grains, as Salt's do.
 */
public final class CustomGrains {

    static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(30);

    private final Commands commands;

    public CustomGrains(Commands commands) {
        this.commands = commands;
    }

    public void apply(Grains grains, List<Path> dirs, Path grainsFile, Map<String, Object> configGrains) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new InputError("grains_dirs: " + dir + " is not a directory");
            }
            for (Path file : entries(dir)) {
                grains.putAll(fromDirEntry(file));
            }
        }
        if (grainsFile != null && Files.isRegularFile(grainsFile)) {
            grains.putAll(parse(read(grainsFile), grainsFile.toString()));
        }
        grains.putAll(configGrains);
    }

    private static List<Path> entries(Path dir) {
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(CustomGrains::candidate).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new InputError("grains_dirs: cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** Regular files that are neither hidden nor an editor's or dpkg's leftover. */
    private static boolean candidate(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && !name.startsWith(".") && !name.endsWith("~")
                && !name.matches(".*\\.(bak|orig|swp|dpkg-[a-z]+|rpmnew|rpmsave)$");
    }

    private Map<String, Object> fromDirEntry(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isExecutable(file)) {
            return parse(runProgram(file), file + " (its output)");
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".conf")) {
            return parse(read(file), file.toString());
        }
        return Map.of();
    }

    private String runProgram(Path program) {
        CommandResult r;
        try {
            r = commands.run(Command.of(program.toString()).inDirectory(program.getParent()).withTimeout(PROGRAM_TIMEOUT));
        } catch (IOException e) {
            throw new InputError("grains program " + program + " could not start: " + e.getMessage(), program.toString(), 0);
        }
        if (r.timedOut()) {
            throw new InputError("grains program " + program + " did not finish within " + PROGRAM_TIMEOUT.toSeconds() + " s",
                    program.toString(), 0);
        }
        if (!r.ok()) {
            throw new InputError("grains program " + program + " exited with " + r.exitCode() + ": " + r.stderr().strip(),
                    program.toString(), 0);
        }
        return r.stdout();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputError("cannot read grains from " + file + ": " + e.getMessage(), file.toString(), 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text, String source) {
        Object data = YamlReader.read(text, source).data();
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> m)) {
            throw new InputError("grains must be a mapping of names to values", source, 1);
        }
        return (Map<String, Object>) m;
    }
}
