package agent.render;

import agent.render.jinja.SaltProxy;
import java.util.HashMap;
import java.util.Map;

/** The variables every template sees, Salt's names: grains, pillar, salt, opts, sls, tpldir ... */
public final class TemplateVars {

    private TemplateVars() {
    }

    /**
     * @param relativePath the template's path under its root ({@code users/init.sls}), or null
     * @param sls          the dotted SLS name, or null for file templates
     */
    public static Map<String, Object> of(Map<String, Object> grains, Map<String, Object> pillar,
                                         SaltProxy salt, Map<String, Object> opts, String saltenv,
                                         String relativePath, String sls) {
        Map<String, Object> v = new HashMap<>();
        v.put("grains", grains);
        v.put("pillar", pillar);
        v.put("salt", salt);
        v.put("opts", opts);
        v.put("saltenv", saltenv);
        v.put("env", saltenv);
        if (relativePath != null) {
            String rel = relativePath.replace('\\', '/');
            int slash = rel.lastIndexOf('/');
            String dir = slash < 0 ? "" : rel.substring(0, slash);
            v.put("tplpath", rel);
            v.put("tplfile", rel);
            v.put("tpldir", dir.isEmpty() ? "." : dir);
            v.put("tpldot", dir.replace('/', '.'));
            v.put("tplroot", dir.isEmpty() ? "" : dir.split("/")[0]);
            v.put("slspath", dir);
            v.put("sls_path", dir.replace('/', '_'));
            v.put("slsdotpath", dir.replace('/', '.'));
            v.put("slscolonpath", dir.replace('/', ':'));
        }
        if (sls != null) {
            v.put("sls", sls);
        }
        return v;
    }
}
