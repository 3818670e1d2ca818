package agent.render.jinja;

import agent.text.PyRepr;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Resolves what jinjava's own resolvers cannot: calls through the {@code salt} object, and the
 * Python methods of strings, dicts and lists that templates written for Salt use.
 */
final class SaltResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof SaltProxy salt && property != null) {
            context.setPropertyResolved(true);
            return new SaltProxy.Namespace(salt, property.toString());
        }
        // Lists read from data (grains, pillar) compare as Python's do; see ComparableList.
        if (base instanceof Map<?, ?> m && property instanceof String key && m.get(key) instanceof List<?> list
                && !(list instanceof com.hubspot.jinjava.objects.PyWrapper)) {
            context.setPropertyResolved(true);
            return new ComparableList(list);
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (method == null) {
            return null;
        }
        String name = method.toString();
        try {
            if (base instanceof SaltProxy salt) {
                context.setPropertyResolved(true);
                return salt.call(name, params);
            }
            if (base instanceof SaltProxy.Namespace ns) {
                context.setPropertyResolved(true);
                return ns.salt().call(ns.module() + "." + name, params);
            }
            if (base instanceof String s) {
                Optional<Object> r = PyStrings.invoke(s, name, params);
                if (r.isPresent()) {
                    context.setPropertyResolved(true);
                    return r.get();
                }
            }
            if (base instanceof Map<?, ?> m) {
                Optional<Object> r = dictMethod(m, name, params);
                if (r.isPresent()) {
                    context.setPropertyResolved(true);
                    return r.get() == NONE ? null : r.get();
                }
            }
            if (base instanceof List<?> l) {
                Optional<Object> r = listMethod(l, name, params);
                if (r.isPresent()) {
                    context.setPropertyResolved(true);
                    return r.get() == NONE ? null : r.get();
                }
            }
        } catch (Exception e) {
            // jinjava would log a failing call and go on; for us it is a template error.
            JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (interpreter != null) {
                interpreter.addError(new TemplateError(TemplateError.ErrorType.FATAL, TemplateError.ErrorReason.EXCEPTION,
                        TemplateError.ErrorItem.FUNCTION, message, name, interpreter.getLineNumber(), interpreter.getPosition(), e));
                context.setPropertyResolved(true);
                return null;
            }
            throw new IllegalStateException(message, e);
        }
        return null;
    }

    private static final Object NONE = new Object();

    @SuppressWarnings("unchecked")
    private static Optional<Object> dictMethod(Map<?, ?> m0, String name, Object[] p) {
        Map<Object, Object> m = (Map<Object, Object>) m0;
        int n = p == null ? 0 : p.length;
        return switch (name) {
            case "pop" -> {
                if (m.containsKey(key(p[0]))) {
                    yield Optional.ofNullable(orNone(m.remove(key(p[0]))));
                }
                if (n > 1) {
                    yield Optional.of(orNone(p[1]));
                }
                throw new IllegalArgumentException("KeyError: " + p[0]);
            }
            case "setdefault" -> {
                Object k = key(p[0]);
                if (!m.containsKey(k)) {
                    m.put(k, n > 1 ? p[1] : null);
                }
                yield Optional.of(orNone(m.get(k)));
            }
            case "items" -> Optional.of(new ArrayList<>(m.entrySet()));
            case "keys" -> Optional.of(new ArrayList<>(m.keySet()));
            case "get" -> {
                Object k = key(p[0]);
                yield Optional.of(orNone(m.containsKey(k) ? m.get(k) : n > 1 ? p[1] : null));
            }
            case "copy" -> Optional.of(new LinkedHashMap<>(m));
            case "iteritems" -> Optional.of(new ArrayList<>(m.entrySet()));
            case "iterkeys" -> Optional.of(new ArrayList<>(m.keySet()));
            case "itervalues", "values" -> Optional.of(new ArrayList<>(m.values()));
            case "has_key" -> Optional.of(m.containsKey(key(p[0])));
            case "clear" -> {
                m.clear();
                yield Optional.of(NONE);
            }
            case "update" -> {
                if (n > 0 && p[0] instanceof Map<?, ?> other) {
                    other.forEach((k, v) -> m.put(k, v));
                }
                for (int i = 0; i < n; i++) {
                    if (p[i] instanceof com.hubspot.jinjava.el.ext.NamedParameter np) {
                        m.put(np.getName(), np.getValue());
                    }
                }
                yield Optional.of(NONE);
            }
            default -> Optional.empty();
        };
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> listMethod(List<?> l0, String name, Object[] p) {
        List<Object> l = (List<Object>) l0;
        return switch (name) {
            case "extend" -> {
                if (p[0] instanceof Iterable<?> it) {
                    it.forEach(l::add);
                }
                yield Optional.of(NONE);
            }
            case "remove" -> {
                if (!l.remove(p[0])) {
                    throw new IllegalArgumentException("list.remove(x): x not in list");
                }
                yield Optional.of(NONE);
            }
            case "sort" -> {
                l.sort(PY_ORDER);
                yield Optional.of(NONE);
            }
            default -> Optional.empty();
        };
    }

    private static Object key(Object k) {
        return k instanceof CharSequence cs ? cs.toString() : k;
    }

    private static Object orNone(Object o) {
        return o == null ? NONE : o;
    }

    /** Python's ordering for sort(): numbers by value, everything else by text. */
    static final Comparator<Object> PY_ORDER = (a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return PyRepr.str(a).compareTo(PyRepr.str(b));
    };

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
