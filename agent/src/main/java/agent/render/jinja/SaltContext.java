package agent.render.jinja;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.Set;

/**
 * The root context of one render. Jinja refuses a filter or test it does not know; jinjava
 * would quietly print nothing, so a mistyped filter name would go unnoticed. Here an unknown name
 * resolves to one that fails when applied, naming it.
 */
public final class SaltContext extends Context {

    public SaltContext(Context parent, Map<String, ?> bindings, Map<Library, Set<String>> disabled) {
        super(parent, bindings, disabled);
    }

    @Override
    public Filter getFilter(String name) {
        Filter known = super.getFilter(name);
        return known != null ? known : new Unknown(name, "filter");
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest known = super.getExpTest(name);
        return known != null ? known : new Unknown(name, "test");
    }

    private record Unknown(String name, String kind) implements Filter, ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            throw fail(interpreter);
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            throw fail(interpreter);
        }

        private InterpretException fail(JinjavaInterpreter interpreter) {
            return new InterpretException("No " + kind + " named '" + name + "'.", interpreter.getLineNumber());
        }
    }
}
