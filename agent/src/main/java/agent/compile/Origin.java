package agent.compile;

/** Where something was written: a file and (when known) a line of that file. */
public record Origin(String file, int line) {

    public static final Origin UNKNOWN = new Origin(null, 0);

    public agent.InputError error(String message) {
        return new agent.InputError(message, file, line);
    }
}
