package agent.report;

import agent.execute.RunResult;
import agent.execute.StateReturn;
import agent.spi.PyFloat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Salt's highstate outputter: per state a full block or a terse line (state_output full, terse,
 * mixed, changes), nothing for unchanged successes unless state_verbose, then the summary.
 */
public final class HighstateOutputter {

    private final String stateOutput;
    private final boolean verbose;
    private final Colors c;
    private final boolean predictionDiffs;

    public HighstateOutputter(String stateOutput, boolean verbose, Colors colors) {
        this(stateOutput, verbose, colors, true);
    }

    /**
     * @param predictionDiffs whether a terse line of a test run's pending state is followed by
     *                        what it would change (the agent's own output; salt-call prints the line alone)
     */
    public HighstateOutputter(String stateOutput, boolean verbose, Colors colors, boolean predictionDiffs) {
        this.stateOutput = stateOutput;
        this.verbose = verbose;
        this.c = colors;
        this.predictionDiffs = predictionDiffs;
    }

    public String format(String host, RunResult run) {
        List<String> lines = new ArrayList<>();
        String hcolor = c.green();
        int succeeded = 0;
        int failed = 0;
        int pending = 0;
        int changed = 0;
        double total = 0;
        for (Map.Entry<String, StateReturn> e : run.inRunOrder()) {
            StateReturn r = e.getValue();
            if (r.result() == null) {
                pending++;
            } else if (r.result()) {
                succeeded++;
            } else {
                failed++;
            }
            total += r.duration();
            boolean schanged = r.hasChanges();
            if (schanged) {
                changed++;
            }
            if (!verbose && Boolean.TRUE.equals(r.result()) && !schanged) {
                continue;
            }
            String tcolor = schanged ? c.cyan() : c.green();
            if (Boolean.FALSE.equals(r.result())) {
                hcolor = c.red();
                tcolor = c.red();
            } else if (r.result() == null) {
                hcolor = c.lightYellow();
                tcolor = c.lightYellow();
            }
            String[] comps = e.getKey().split("_\\|-", 4);
            boolean terse = stateOutput.startsWith("terse")
                    || (stateOutput.startsWith("mixed") && !Boolean.FALSE.equals(r.result()))
                    || (stateOutput.startsWith("changes") && Boolean.TRUE.equals(r.result()) && !schanged);
            if (terse) {
                lines.add(terse(tcolor, comps, r));
                if (predictionDiffs && r.result() == null && schanged) {
                    // A prediction shows what it would change, diff included.
                    lines.add(tcolor + new Nested(c).format(r.changes(), 14) + c.endc());
                }
            } else {
                full(lines, tcolor, comps, r);
            }
        }
        summary(lines, host, succeeded, failed, pending, changed, total);
        lines.add(0, hcolor + host + ":" + c.endc());
        return String.join("\n", lines);
    }

    private String terse(String tcolor, String[] comps, StateReturn r) {
        String result = r.hasChanges() ? "Changed" : "Clean";
        if (Boolean.FALSE.equals(r.result())) {
            result = "Failed";
        } else if (r.result() == null) {
            result = "Differs";
        }
        return " " + tcolor + " Name: " + comps[2] + " - Function: " + comps[0] + "." + comps[3] + " - Result: " + result
                + " - Started: " + r.startTime() + " - Duration: " + PyFloat.str(r.duration()) + " ms" + c.endc();
    }

    private void full(List<String> lines, String tcolor, String[] comps, StateReturn r) {
        String e = c.endc();
        lines.add(tcolor + "----------" + e);
        lines.add("    " + tcolor + "      ID: " + comps[1] + e);
        lines.add("    " + tcolor + "Function: " + comps[0] + "." + comps[3] + e);
        if (!comps[1].equals(comps[2])) {
            lines.add("    " + tcolor + "    Name: " + comps[2] + e);
        }
        lines.add("    " + tcolor + "  Result: " + pyBool(r.result()) + e);
        lines.add("    " + tcolor + " Comment: " + r.comment().strip().replace("\n", "\n" + " ".repeat(14)) + e);
        lines.add("    " + tcolor + " Started: " + r.startTime() + e);
        lines.add("    " + tcolor + "Duration: " + PyFloat.str(r.duration()) + " ms" + e);
        String ctext = r.hasChanges() ? "\n" + new Nested(c).format(r.changes(), 14) : "";
        lines.add(tcolor + "     Changes:   " + ctext + e);
    }

    private void summary(List<String> lines, String host, int ok, int failed, int pending, int changed, double total) {
        // Salt sizes the summary by the widest count among the results that occurred.
        int countMax = 0;
        for (int n : new int[]{ok, failed, pending}) {
            if (n > 0) {
                countMax = Math.max(countMax, String.valueOf(n).length());
            }
        }
        int lineMax = "Succeeded".length() + countMax + 2;
        String dashes = "-".repeat(lineMax);
        lines.add(c.cyan() + "\nSummary for " + host + "\n" + dashes + c.endc());
        List<String> stats = new ArrayList<>();
        if (pending > 0) {
            stats.add(c.lightYellow() + "unchanged=" + pending + c.endc());
        }
        if (changed > 0) {
            stats.add(c.green() + "changed=" + changed + c.endc());
        }
        String changestats = stats.isEmpty() ? "" : " (" + String.join(", ", stats) + ")";
        lines.add(c.green() + counts("Succeeded", ok + pending, lineMax) + c.endc() + changestats);
        lines.add((failed > 0 ? c.red() : c.cyan()) + counts("Failed", failed, lineMax) + c.endc());
        lines.add(c.cyan() + dashes + "\nTotal states run: " + pad(String.valueOf(ok + failed + pending), lineMax - 7) + c.endc());
        double sum = total;
        String unit = "ms";
        if (sum > 999) {
            sum /= 1000;
            unit = "s";
        }
        lines.add(c.cyan() + "Total run time: " + pad(String.format(java.util.Locale.ROOT, "%.3f", sum), lineMax - 5)
                + " " + unit + c.endc());
    }

    private static String counts(String label, int count, int lineMax) {
        return label + ": " + pad(String.valueOf(count), lineMax - (label.length() + 2));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String pyBool(Boolean b) {
        return b == null ? "None" : b ? "True" : "False";
    }
}
