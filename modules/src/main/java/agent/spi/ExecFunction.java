package agent.spi;

/** One execution function, called with Python-style positional and keyword arguments. */
@FunctionalInterface
public interface ExecFunction {

    Object call(ExecCall call) throws Exception;
}
