package agent.spi;

/**
 * Python's repr of a float, so durations and numbers print as Salt prints them. Both languages
 * print the shortest digits that read back to the same double; they differ only in where they
 * switch to exponent notation, so Java's digits are re-placed here (without BigDecimal, whose
 * class set-up alone costs a cold start about 20 ms).
 */
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
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String thousandths = thousandths(d);
        if (thousandths != null) {
            return thousandths;
        }
        String java = Double.toString(Math.abs(d));
        int e = java.indexOf('E');
        if (e < 0) {
            // Plain notation (1e-3 <= |d| < 1e7): the same shortest digits Python prints.
            return d < 0 ? "-" + java : java;
        }
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exponent; // position of the decimal point within digits
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        int decimalExponent = point - 1; // d = 0.digits × 10^point = digits[0].rest × 10^(point-1)
        String sign = d < 0 ? "-" : "";
        if (decimalExponent >= 16 || decimalExponent < -4) {
            String rest = digits.length() > 1 ? "." + digits.substring(1) : "";
            return sign + digits.charAt(0) + rest + "e" + (decimalExponent < 0 ? "-" : "+")
                    + (Math.abs(decimalExponent) < 10 ? "0" : "") + Math.abs(decimalExponent);
        }
        StringBuilder sb = new StringBuilder(sign);
        if (point <= 0) {
            sb.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
    }

    /**
     * A double that is a whole number of thousandths below a billion (a state's duration in ms,
     * rounded to the microsecond, is one) from integer digits: the shortest form Python prints is
     * then those thousandths without trailing zeros, and Double.toString costs more cold.
     */
    private static String thousandths(double d) {
        double abs = Math.abs(d);
        if (abs >= 1e9) {
            return null;
        }
        long m = Math.round(abs * 1000);
        if (m == 0 || m / 1000.0 != abs) {
            return null;
        }
        StringBuilder sb = new StringBuilder(16);
        if (d < 0) {
            sb.append('-');
        }
        sb.append(m / 1000).append('.');
        int frac = (int) (m % 1000);
        if (frac == 0) {
            return sb.append('0').toString();
        }
        sb.append((char) ('0' + frac / 100));
        if (frac % 100 != 0) {
            sb.append((char) ('0' + frac / 10 % 10));
            if (frac % 10 != 0) {
                sb.append((char) ('0' + frac % 10));
            }
        }
        return sb.toString();
    }
}
