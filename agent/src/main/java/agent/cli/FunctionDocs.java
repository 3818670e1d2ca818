package agent.cli;

import agent.app.Docs;
import java.util.List;
import java.util.Map;

/** salt-call -d [FUNCTION|MODULE ...]: each function's documentation, as text, whatever --out says. */
final class FunctionDocs {

    private FunctionDocs() {
    }

    static int print(Invocation inv, List<String> names) {
        Map<String, String> docs = Docs.sysDoc(names);
        if (docs.isEmpty()) {
            throw new agent.InputError("no function matches " + String.join(", ", names));
        }
        StringBuilder sb = new StringBuilder();
        docs.forEach((name, doc) -> sb.append(name).append(":\n\n").append(Docs.indent(doc, "    ")).append("\n\n"));
        inv.out().print(sb);
        inv.out().flush();
        return ExitCode.OK;
    }
}
