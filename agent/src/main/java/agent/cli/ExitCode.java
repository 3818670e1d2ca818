package agent.cli;

/** The agent's exit codes, in one place. */
public final class ExitCode {

    /** Every state succeeded (or the command did what it was asked). */
    public static final int OK = 0;
    /** Nothing was applied: bad input (usage, config, YAML, Jinja, unknown names, cycles...). */
    public static final int BAD_INPUT = 1;
    /** One or more states failed. */
    public static final int STATE_FAILED = 2;
    /** With --detailed-exitcodes: no state failed, and something changed (or, with --test, would change). */
    public static final int CHANGES = 3;
    /** Another state run held the run lock: this one did nothing (sysexits' EX_TEMPFAIL: try again later). */
    public static final int LOCKED = 75;

    private ExitCode() {
    }
}
