package agent.cli;

/** The agent's exit codes, in one place. */
public final class ExitCode {

    /** Every state succeeded (or the command did what it was asked). */
    public static final int OK = 0;
    /** Nothing was applied: bad input (usage, config, YAML, Jinja, unknown names, cycles...). */
    public static final int BAD_INPUT = 1;
    /** One or more states failed. */
    public static final int STATE_FAILED = 2;

    private ExitCode() {
    }
}
