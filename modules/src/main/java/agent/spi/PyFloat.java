package agent.spi;

import java.math.BigDecimal;

/** Python's repr of a float, so durations and numbers print as Salt prints them. */
public final class PyFloat {

    private PyFloat() {
    }

    public static String str(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return new BigDecimal(d).toPlainString() + ".0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            // Shortest repr that round-trips, without exponent, as Python does in this range.
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return Double.toString(d).replace("E", "e");
    }
}
