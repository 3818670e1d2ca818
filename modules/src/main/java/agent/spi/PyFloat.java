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
}
