package agent.render.jinja;

import java.util.Map;

/**
 * Renders a Jinja template: {@link Jinja} itself, or a cache in front of it that reuses a render
 * whose inputs are unchanged.
 */
public interface TemplateRenderer {

    /**
     * Renders {@code text} as the template {@code name} with {@code vars}; a template error is an
     * {@link agent.InputError} naming {@code displayName} and the line.
     */
    String render(String text, String name, String displayName, Map<String, Object> vars, Jinja.Loader loader);
}
