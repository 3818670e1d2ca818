package agent.report;

/** Salt's terminal colours; all empty when output is not a terminal or NO_COLOR is set. */
public record Colors(String green, String cyan, String red, String lightRed, String lightYellow, String endc) {

    public static final Colors NONE = new Colors("", "", "", "", "", "");
    /** Salt's codes, each starting from a reset ("\033[0;...m"), as salt-call --force-color prints them. */
    public static final Colors ANSI = new Colors("\033[0;32m", "\033[0;36m", "\033[0;31m", "\033[0;1;31m",
            "\033[0;1;33m", "\033[0;0m");

    /** Colours only when stdout is a terminal, never with NO_COLOR or --no-color. */
    public static Colors choose(boolean noColorFlag) {
        if (noColorFlag || Terminal.noColorRequested() || !Terminal.isTerminal(Terminal.STDOUT) || !Terminal.capable()) {
            return NONE;
        }
        return ANSI;
    }
}
