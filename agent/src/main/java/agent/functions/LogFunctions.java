package agent.functions;

import agent.spi.ExecFunction;
import agent.spi.ExecutionModule;
import agent.spi.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** log.debug / info / warning / error from templates; each returns an empty string. */
final class LogFunctions implements ExecutionModule {

    private static final Logger LOG = LoggerFactory.getLogger("agent.template");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Map<String, ExecFunction> functions() {
        Map<String, ExecFunction> f = new LinkedHashMap<>();
        f.put("trace", c -> log(0, Values.text(c.arg(0, "message", ""))));
        f.put("debug", c -> log(1, Values.text(c.arg(0, "message", ""))));
        f.put("info", c -> log(2, Values.text(c.arg(0, "message", ""))));
        f.put("warning", c -> log(3, Values.text(c.arg(0, "message", ""))));
        f.put("error", c -> log(4, Values.text(c.arg(0, "message", ""))));
        f.put("critical", c -> log(4, Values.text(c.arg(0, "message", ""))));
        f.put("exception", c -> log(4, Values.text(c.arg(0, "message", ""))));
        return f;
    }

    private static String log(int level, String message) {
        switch (level) {
            case 0 -> LOG.trace(message);
            case 1 -> LOG.debug(message);
            case 2 -> LOG.info(message);
            case 3 -> LOG.warn(message);
            default -> LOG.error(message);
        }
        return "";
    }
}
