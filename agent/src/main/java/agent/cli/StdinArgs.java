package agent.cli;

import agent.InputError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** salt-call --args-stdin: more arguments from stdin, one a line (blank lines skipped). */
final class StdinArgs {

    private StdinArgs() {
    }

    static List<String> read() {
        List<String> out = new ArrayList<>();
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new InputError("--args-stdin: cannot read stdin: " + e.getMessage());
        }
        return out;
    }
}
