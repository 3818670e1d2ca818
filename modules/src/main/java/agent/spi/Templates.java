package agent.spi;

import java.util.Map;

/** Renders a file template with the same Jinja environment the states are rendered with. */
public interface Templates {

    /**
     * @param engine      {@code jinja} (others are refused)
     * @param text        the template
     * @param sourceName  where it came from, for error messages and {@code tpldir}
     * @param extra       {@code defaults} overlaid with {@code context}
     */
    String render(String engine, String text, String sourceName, Map<String, Object> extra)
            throws StateException;
}
