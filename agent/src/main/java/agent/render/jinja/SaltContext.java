package agent.render.jinja;

import agent.render.jinja.RenderInputs;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.Map;
import java.util.Set;

/**
 * The root context of one render. Jinja refuses a filter or test it does not know; jinjava
 * would quietly print nothing, so a mistyped filter name would go unnoticed. Here an unknown name
 * resolves to one that fails when applied, naming it. The context also carries what the render
 * depends on ({@link RenderInputs}).
 */
public final class SaltContext extends Context {

    private final RenderInputs inputs;

    public SaltContext(Context parent, Map<String, ?> bindings, Map<Library, Set<String>> disabled, RenderInputs inputs) {
        super(parent, bindings, disabled);
        this.inputs = inputs;
    }

    /** What the render in progress on this thread depends on, or null outside a render. */
    static RenderInputs currentInputs() {
        JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
        for (Context c = current == null ? null : current.getContext(); c != null; c = c.getParent()) {
            if (c instanceof SaltContext root) {
                return root.inputs;
            }
        }
        return null;
    }

    /** Notes, in the render in progress on this thread, a call whose answer may change from run to run. */
    static void unrepeatable(String what) {
        RenderInputs inputs = currentInputs();
        if (inputs != null) {
            inputs.unrepeatable(what);
        }
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
