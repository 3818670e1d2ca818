package agent.cli;

import agent.config.AgentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * agent(1) in troff, written from the same picocli model the CLI parses with, so the page
 * cannot drift from the options. Build time only: it is not in the runtime jar.
 */
final class ManPage {

    private final CommandSpec root;
    private final String version;
    private final String date;
    private final StringBuilder out = new StringBuilder();

    ManPage(CommandSpec root, String version, String date) {
        this.root = root;
        this.version = version;
        this.date = date;
    }

    String render() {
        line(".TH AGENT 1 " + quoted(date) + " " + quoted("agent " + version) + " \"User Commands\"");
        section("NAME");
        line("agent \\- " + text(lowerFirst(stripDot(first(root.usageMessage().description())))));
        section("SYNOPSIS");
        for (String name : root.subcommands().keySet()) {
            line(".B agent " + name);
            line(text(synopsisTail(root.subcommands().get(name).getCommandSpec())));
            line(".br");
        }
        line(".B agent");
        line("\\-\\-help | \\-\\-version");
        section("DESCRIPTION");
        paragraph(String.join(" ", root.usageMessage().description()));
        line(".PP");
        line("Run \\fBagent\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR for one command's options; they are listed here too.");
        section("COMMANDS");
        for (Map.Entry<String, CommandLine> e : root.subcommands().entrySet()) {
            command(e.getKey(), e.getValue().getCommandSpec());
        }
        section("OPTIONS");
        options(root);
        section("EXAMPLES");
        preformatted(examples(root.usageMessage().footer()));
        section("EXIT STATUS");
        definition(String.valueOf(ExitCode.OK), "Every state succeeded, or the command did what it was asked.");
        definition(String.valueOf(ExitCode.BAD_INPUT), "Bad input, nothing was applied: usage, config, YAML, Jinja, an unknown "
                + "module, function or argument, a missing requisite target, a requisite cycle.");
        definition(String.valueOf(ExitCode.STATE_FAILED), "One or more states failed.");
        section("FILES");
        definition(AgentConfig.DEFAULT_FILE.toString(), "The agent's configuration, under Salt's minion key names "
                + "(read when present; --config names another).");
        definition("/srv/salt, /srv/pillar", "The default state and pillar roots (file_roots, pillar_roots).");
        definition("/var/cache/agent", "The job cache of past runs, file backups and other files the agent keeps (cachedir).");
        definition("/run/agent/agent.lock", "Held while a state run goes on: one run at a time (lock_file).");
        section("ENVIRONMENT");
        definition("NO_COLOR", "When set, no colours and no progress line, as with --no-color.");
        definition("JAVA_HOME", "The JDK 25 the launcher runs on, when the agent has no runtime of its own "
                + "(the .deb has one; the tar.gz uses JAVA_HOME or /usr/lib/jvm).");
        section("SEE ALSO");
        line("The documentation in /usr/share/doc/agent (or docs/ of the tar.gz): the SLS language, "
                + "configuration, output and the state module reference.");
        return out.toString();
    }

    private void command(String name, CommandSpec spec) {
        line(".SS " + quoted("agent " + name + " " + synopsisTail(spec)));
        paragraph(String.join(" ", spec.usageMessage().description()));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            troffDefinition("\\fI" + text(p.paramLabel()) + "\\fR", String.join(" ", p.description()));
        }
        options(spec);
        List<String> footer = examples(spec.usageMessage().footer());
        if (!footer.isEmpty()) {
            line(".PP");
            preformatted(footer);
        }
    }

    private void options(CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            StringBuilder names = new StringBuilder();
            for (String n : o.names()) {
                names.append(names.isEmpty() ? "" : ", ").append("\\fB").append(text(n)).append("\\fR");
            }
            if (o.negatable()) {
                names.append(", \\fB").append(text(o.names()[0].replaceFirst("^--", "--no-"))).append("\\fR");
            }
            if (o.arity().max() > 0) {
                names.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
            }
            troffDefinition(names.toString(), String.join(" ", o.description()));
        }
    }

    /** What follows the command name in picocli's own synopsis, options abbreviated. */
    private static String synopsisTail(CommandSpec spec) {
        spec.usageMessage().abbreviateSynopsis(true);
        String s = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).strip().replaceAll("\\s+", " ");
        String prefix = spec.qualifiedName(" ");
        String unqualified = spec.name();
        if (s.startsWith(prefix)) {
            return s.substring(prefix.length()).strip();
        }
        return s.startsWith(unqualified) ? s.substring(unqualified.length()).strip() : s;
    }

    /** A footer without its leading blank line and its "Examples:" heading (the page has its own). */
    private static List<String> examples(String[] footer) {
        List<String> lines = new ArrayList<>(List.of(footer));
        lines.removeIf("Examples:"::equals);
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return lines;
    }

    private void section(String name) {
        line(".SH " + name);
    }

    private void paragraph(String s) {
        line(text(s));
    }

    /** A term (plain text) and its description. */
    private void definition(String term, String description) {
        troffDefinition(text(term), description);
    }

    /** A term already in troff (with fonts) and its description. */
    private void troffDefinition(String term, String description) {
        line(".TP");
        line(term);
        line(text(description));
    }

    private void preformatted(List<String> lines) {
        line(".nf");
        line(".RS 2");
        lines.forEach(l -> line(text(l)));
        line(".RE");
        line(".fi");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** Text made safe for troff: backslashes, hyphens, and lines starting with a control character. */
    static String text(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "") + "\"";
    }

    private static String first(String[] lines) {
        return lines.length == 0 ? "" : lines[0];
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
