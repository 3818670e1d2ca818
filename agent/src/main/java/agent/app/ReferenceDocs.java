package agent.app;

import agent.compile.StateModules;
import agent.spi.Param;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The module reference in docs/reference, generated from the same argument schemas the compiler
 * validates with, so the two cannot drift (a test compares them).
 */
public final class ReferenceDocs {

    private ReferenceDocs() {
    }

    /** File name → Markdown, one page per module plus an index. */
    public static Map<String, String> render(StateModules modules) {
        Map<String, String> pages = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# State module reference\n\n"
                + "Generated from the modules' argument schemas (`agent/src/test/.../ReferenceDocsTest` fails when\n"
                + "this page and the code differ). Every function also takes the global arguments described in\n"
                + "[the SLS language](../sls.md#global-arguments): requisites, `unless`, `onlyif`, `creates`,\n"
                + "`check_cmd`, `retry`, `order`, `failhard`. Each function's section has an example, the keys of\n"
                + "the `changes` it reports and what `--test` predicts; `agent doc MODULE.FUNCTION` prints it.\n\n");
        for (StateModule m : modules.all()) {
            index.append("- [").append(m.name()).append("](").append(m.name()).append(".md): ").append(m.doc()).append('\n');
            pages.put(m.name() + ".md", module(m));
        }
        pages.put("README.md", index.toString());
        return pages;
    }

    /** A module's page: its functions, each as {@link #function} renders it. */
    public static String module(StateModule m) {
        StringBuilder sb = new StringBuilder("# ").append(m.name()).append("\n\n").append(m.doc()).append("\n\n");
        for (StateFunction f : m.functions()) {
            sb.append("- [").append(m.name()).append('.').append(f.name()).append("](#")
                    .append(m.name()).append(f.name()).append(")\n");
        }
        if (m.modWatch().isPresent()) {
            sb.append("\nStates of this module react to `watch` and `listen`: when a watched state changed, its\n"
                    + "`mod_watch` runs (after the state itself, or at the end of the run for `listen`).\n");
        }
        for (StateFunction f : m.functions()) {
            sb.append('\n').append(function(m, f));
        }
        return sb.toString();
    }

    /**
     * One function's section: what it does, an example, its arguments (from the schema the
     * compiler checks), the keys of its changes and what --test predicts (from MODULE.states.yaml).
     */
    public static String function(StateModule m, StateFunction f) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(m.name()).append('.').append(f.name()).append("\n\n").append(f.doc()).append("\n\n");
        StateFunctionDoc more = StateFunctionDoc.of(m, f.name());
        if (!more.example().isEmpty()) {
            sb.append("```yaml\n").append(more.example().strip()).append("\n```\n\n");
        }
        arguments(sb, f);
        if (!more.changes().isEmpty()) {
            sb.append("\n**Changes:** ").append(more.changes().strip()).append('\n');
        }
        if (!more.test().isEmpty()) {
            sb.append("\n**With `--test`:** ").append(more.test().strip()).append('\n');
        }
        return sb.toString();
    }

    private static void arguments(StringBuilder sb, StateFunction f) {
        if (f.schema().params().isEmpty()) {
            sb.append(f.schema().isOpen() ? "Takes any arguments.\n" : "No arguments besides `name`.\n");
            return;
        }
        sb.append("| argument | type | default | description |\n|---|---|---|---|\n");
        sb.append("| `name` | text | the ID | what the state manages |\n");
        for (Param p : f.schema().params()) {
            sb.append("| `").append(p.name()).append("` | ").append(type(p)).append(p.required() ? ", required" : "")
                    .append(" | ").append(p.defaultValue() == null ? "" : "`" + Values.text(p.defaultValue()) + "`")
                    .append(" | ").append(p.doc().replace("|", "\\|")).append(" |\n");
        }
        if (f.schema().isOpen()) {
            sb.append("\nOther arguments are accepted and ignored.\n");
        }
    }

    private static String type(Param p) {
        return p.typeName();
    }
}
