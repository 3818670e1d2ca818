package agent.render.jinja;

import agent.render.jinja.RenderInputs;
import agent.spi.ExecContext;
import agent.spi.FunctionTable;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code salt} object of templates: {@code salt['pillar.get']('a:b', 1)} and
 * {@code salt.pillar.get('a:b')} both call the execution function {@code pillar.get}.
 */
public final class SaltProxy {

    private final FunctionTable functions;
    private final ExecContext context;

    public SaltProxy(FunctionTable functions, ExecContext context) {
        this.functions = functions;
        this.context = context;
    }

    Object call(String name, Object[] params) throws Exception {
        RenderInputs inputs = SaltContext.currentInputs();
        if (inputs != null && !functions.pure(name)) {
            inputs.unrepeatable("salt['" + name + "']");
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Object p : params == null ? new Object[0] : params) {
            if (p instanceof NamedParameter np) {
                kwargs.put(np.getName(), Unwrap.plain(np.getValue()));
            } else {
                args.add(Unwrap.plain(p));
            }
        }
        return functions.call(name, args, kwargs, inputs == null ? context : inputs.watching(context));
    }

    /** {@code salt.pillar}: the first half of a dotted call. */
    record Namespace(SaltProxy salt, String module) {
    }

    public boolean has(String name) {
        return functions.has(name);
    }

    @Override
    public String toString() {
        return "<salt functions>";
    }
}
