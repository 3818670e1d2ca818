package agent.host;

/** How a process ended and what it printed. */
public record CommandResult(int exitCode, String stdout, String stderr, long pid, boolean timedOut) {

    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /** stdout, or stderr when stdout is empty: the line worth showing in a failure comment. */
    public String output() {
        String out = stdout.strip();
        return out.isEmpty() ? stderr.strip() : out;
    }
}
