package agent.modules.git;

import java.util.List;

/** Python's repr() of a string or a list of strings: how Salt's comments quote values. */
final class PyRepr {

    private PyRepr() {
    }

    static String of(String s) {
        boolean useDouble = s.contains("'") && !s.contains("\"");
        char q = useDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.append(q).toString();
    }

    static String of(List<String> list) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(list.get(i)));
        }
        return sb.append(']').toString();
    }
}
