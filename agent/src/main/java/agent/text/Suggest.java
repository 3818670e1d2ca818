package agent.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** "Did you mean ...?": the closest known name by edit distance, if it is close enough. */
public final class Suggest {

    private Suggest() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        List<String> all = closestAll(wrong, known);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every known name at the smallest distance, if close enough: "'--set' or '--test'". */
    public static List<String> closestAll(String wrong, Collection<String> known) {
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wrong, k);
            if (d < bestDistance) {
                bestDistance = d;
                best.clear();
            }
            if (d == bestDistance && !best.contains(k)) {
                best.add(k);
            }
        }
        int limit = Math.max(2, wrong.length() / 3);
        return bestDistance <= limit ? best : List.of();
    }

    /** Edit distance where swapping two neighbours counts as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
