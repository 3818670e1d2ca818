package agent.modules.git;

import agent.host.Accounts;
import agent.host.Command;
import agent.host.CommandResult;
import agent.host.Host;
import agent.spi.Args;
import agent.spi.Problems;
import agent.host.facts.AccountFacts;
import agent.host.facts.CommandFacts;
import agent.host.facts.Facts;
import agent.host.facts.FileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code git config} for one scope: the global config of a user (their ~/.gitconfig) or a
 * repository's own. Runs git as that user, as Salt does, so files are theirs; every value is an
 * argument of its own, never shell text.
 */
final class GitConfig {

    /** git said no; the message is what git printed. */
    static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }

    /** A repository's config needs the repository: repo is required unless global. */
    static void requireRepo(Args args, Problems problems) {
        if (!args.bool("global") && args.string("repo").filter(r -> !r.isEmpty()).isEmpty()) {
            problems.add("name", "non-global config options require the 'repo' argument to be set");
        }
    }

    private final Host host;
    private final Facts facts;
    private final boolean global;
    private final String user;
    private final Path cwd;

    private GitConfig(Host host, Facts facts, boolean global, String user, Path cwd) {
        this.host = host;
        this.facts = facts;
        this.global = global;
        this.user = user;
        this.cwd = cwd;
    }

    /**
     * @param facts where the user, the folders and git's answers are read
     * @param repo the repository (relative: to the user's home), required unless global
     * @throws GitException when the user does not exist or no repository is given
     */
    static GitConfig of(Host host, Facts facts, boolean global, String repo, String user) throws GitException, IOException {
        Optional<Accounts.User> account = Optional.empty();
        if (user != null) {
            account = Optional.ofNullable(facts.get(AccountFacts.DATABASE).user(user));
            if (account.isEmpty()) {
                throw new GitException("User '" + user + "' is not available");
            }
        }
        Path home = account.map(a -> Path.of(a.home())).orElse(Path.of(System.getProperty("user.home")));
        Path cwd;
        if (repo != null) {
            cwd = home.resolve(repo).normalize();
            if (!facts.get(FileFacts.IS_DIRECTORY, cwd)) {
                throw new GitException("Specified cwd '" + cwd + "' either not absolute or does not exist");
            }
        } else if (!global) {
            throw new GitException("'cwd' argument required unless global=True");
        } else {
            // Salt runs a user's commands in their home; a user without one still gets an answer.
            cwd = account.isPresent() && facts.get(FileFacts.IS_DIRECTORY, home) ? home : null;
        }
        return new GitConfig(host, facts, global, user, cwd);
    }

    /** Every value of the key, in order; empty when the key is not set (git's exit code 1). */
    Optional<List<String>> getAll(String key) throws IOException, GitException {
        CommandResult r = query(List.of(scope(), "--get-all", key));
        if (r.exitCode() == 1) {
            return Optional.empty();
        }
        failUnlessOk(r);
        return Optional.of(r.stdout().lines().toList());
    }

    /** Keys matching the regex (git's --get-regexp) → their values matching valueRegex (all when null). */
    Map<String, List<String>> getRegexp(String keyRegex, String valueRegex) throws IOException, GitException {
        List<String> args = new ArrayList<>(List.of(scope(), "--get-regexp", keyRegex));
        if (valueRegex != null) {
            args.add(valueRegex);
        }
        CommandResult r = query(args);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (r.exitCode() == 1) {
            return out;
        }
        failUnlessOk(r);
        for (String line : r.stdout().lines().toList()) {
            String[] kv = line.strip().split("\\s+", 2);
            if (kv.length == 2) {
                out.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
        }
        return out;
    }

    /** Replaces every value of the key with these, in order (the first replaces, the rest add). */
    void set(String key, List<String> values) throws IOException, GitException {
        for (int i = 0; i < values.size(); i++) {
            List<String> args = new ArrayList<>();
            if (global) {
                args.add("--global");
            }
            args.addAll(List.of(i == 0 ? "--replace-all" : "--add", key, values.get(i)));
            CommandResult r = run(args);
            if (!r.ok()) {
                throw new GitException(r.stderr().strip().isEmpty() ? "git config exited with " + r.exitCode()
                        : r.stderr().strip());
            }
        }
    }

    /** Removes the key's value (or all of them), optionally only those matching valueRegex. */
    void unset(String key, String valueRegex, boolean all) throws IOException, GitException {
        List<String> args = new ArrayList<>(List.of(all ? "--unset-all" : "--unset", scope(), key));
        if (valueRegex != null) {
            args.add(valueRegex);
        }
        CommandResult r = run(args);
        switch (r.exitCode()) {
            case 0 -> {
            }
            case 1 -> throw new GitException("Section or key is invalid");
            case 5 -> throw new GitException(getAll(key).isEmpty() ? "Key '" + key + "' does not exist"
                    : "Multiple values exist for key '" + key + "'"
                            + (valueRegex != null ? " and value_regex matches multiple values" : ""));
            case 6 -> throw new GitException("The value_regex is invalid");
            default -> throw new GitException("Failed to unset key '" + key + "', git config returned exit code "
                    + r.exitCode() + (r.stderr().isBlank() ? "" : "; " + r.stderr().strip()));
        }
    }

    private String scope() {
        return global ? "--global" : "--local";
    }

    private CommandResult run(List<String> configArgs) throws IOException {
        return host.commands().run(command(configArgs));
    }

    /** A read of git's configuration: a query, kept by the run's facts until something changes. */
    private CommandResult query(List<String> configArgs) throws IOException {
        return facts.get(CommandFacts.RESULT, command(configArgs).asQuery());
    }

    private Command command(List<String> configArgs) {
        List<String> argv = new ArrayList<>(List.of("git", "config"));
        argv.addAll(configArgs);
        Command cmd = Command.of(argv);
        if (cwd != null) {
            cmd = cmd.inDirectory(cwd);
        }
        if (user != null) {
            cmd = cmd.as(user);
        }
        return cmd;
    }

    /** Exit codes other than "not set" are errors Salt would only notice later; say so now. */
    private static void failUnlessOk(CommandResult r) throws GitException {
        if (!r.ok()) {
            throw new GitException(r.output().isEmpty() ? "git config exited with " + r.exitCode() : r.output());
        }
    }
}
