package agent.render.jinja;

import agent.text.PyRepr;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.List;

/**
 * A list that compares as Python's do, item by item: formulas gate on versions with
 * {@code grains['saltversioninfo'] >= [2018, 3, 1]}, which jinjava's lists cannot answer.
 */
final class ComparableList extends PyList implements Comparable<Object> {

    @SuppressWarnings("unchecked")
    ComparableList(List<?> items) {
        super((List<Object>) items);
    }

    @Override
    public int compareTo(Object other) {
        if (!(other instanceof List<?> that)) {
            throw new IllegalArgumentException("'<' not supported between instances of 'list' and " + PyRepr.repr(other));
        }
        for (int i = 0; i < Math.min(size(), that.size()); i++) {
            int c = compareItems(get(i), that.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(size(), that.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareItems(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof List<?> l && b instanceof List<?>) {
            return new ComparableList(l).compareTo(b);
        }
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) {
            return ca.compareTo(b);
        }
        throw new IllegalArgumentException("'<' not supported between " + PyRepr.repr(a) + " and " + PyRepr.repr(b));
    }
}
