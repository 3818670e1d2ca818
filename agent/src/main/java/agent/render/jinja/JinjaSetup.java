package agent.render.jinja;

import agent.render.jinja.Jinja;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.loader.LocationResolver;
import com.hubspot.jinjava.loader.ResourceLocator;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import jinjava.javax.el.CompositeELResolver;

/** Builds jinjava configured to behave like the Jinja Salt uses. */
public final class JinjaSetup {

    private JinjaSetup() {
    }

    /**
     * Builds the engine while another thread prepares what its constructor would otherwise do
     * first and alone: Jackson's object mapper (class initialisation of Jackson takes a tenth of
     * the set-up) and the expression parser. This thread meanwhile loads jinjava's libraries of
     * filters, functions and tags (each filter reads its annotations once).
     *
     * @param awaited whether a render already waits for the engine
     */
    public static Jinjava build(java.util.function.BooleanSupplier awaited) {
        agent.Timing.mark("jinja build start");
        CompletableFuture<ObjectMapper> mapper = CompletableFuture.supplyAsync(JinjaSetup::prepareBeside, command -> {
            Thread t = new Thread(command, "jinja-warm");
            t.setDaemon(true);
            t.start();
        });
        new Context();
        agent.Timing.mark("libraries loaded");
        return build(mapper.join(), awaited);
    }

    /** The object mapper jinjava would make, and a first expression parsed. */
    private static ObjectMapper prepareBeside() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module());
        new ExtendedSyntaxBuilder().build("#{x[0] ~ 'a' | upper and not y.z}");
        agent.Timing.mark("mapper and parser ready");
        return mapper;
    }

    private static Jinjava build(ObjectMapper mapper, java.util.function.BooleanSupplier awaited) {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new SaltResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
        LegacyOverrides python = LegacyOverrides.newBuilder()
                .withEvaluateMapKeys(true)
                .withIterateOverMapKeys(true)
                .withUsePyishObjectMapper(true)
                .withUseNaturalOperatorPrecedence(true)
                .withParseWhitespaceControlStrictly(true)
                .withUseTrimmingForNotesAndExpressions(true)
                .withKeepNullableLoopValues(true)
                .build();
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withElResolver(resolver)
                .withLegacyOverrides(python)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withInterperterFactory(new PyInterpreter.Factory())
                .withMaxRenderDepth(20)
                .withObjectMapper(mapper)
                .build();
        Jinjava jinjava = new Jinjava(config);
        agent.Timing.mark("jinjava built");
        jinjava.setResourceLocator(new StateTreeLocator());
        for (Filter f : SaltFilters.all()) {
            jinjava.registerFilter(f);
        }
        for (Tag t : DataTags.all()) {
            jinjava.registerTag(t);
        }
        CacheableCalls.install(jinjava);
        agent.Timing.mark("salt filters and tags");
        // Warm the interpreter so the first real template does not pay for it; pointless when
        // that template already waits: it would only start later.
        if (!awaited.getAsBoolean()) {
            jinjava.render("{% set x = [1] %}{{ x[0] ~ 'a' | upper }}", java.util.Map.of());
        }
        agent.Timing.mark("jinja ready");
        return jinjava;
    }

    /** Templates come from the state tree of the render in progress. */
    private static final class StateTreeLocator implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
            Object loader = interpreter.getContext().get(Jinja.LOADER_KEY);
            if (!(loader instanceof Jinja.Loader l)) {
                throw new IOException("no state tree to load " + fullName + " from");
            }
            return SaltSyntax.adapt(l.load(fullName));
        }

        @Override
        public Optional<LocationResolver> getLocationResolver() {
            return Optional.of(JinjaSetup::resolve);
        }
    }

    /** salt://a/b → a/b; ./x and ../x are relative to the template doing the import. */
    static String resolve(String name, JinjavaInterpreter interpreter) {
        String n = name.startsWith("salt://") ? name.substring("salt://".length()) : name;
        if (n.startsWith("./") || n.startsWith("../")) {
            String current = currentTemplate(interpreter);
            Path base = Path.of(current).getParent();
            Path resolved = (base == null ? Path.of(n) : base.resolve(n)).normalize();
            n = resolved.toString();
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    /** The template being rendered: an imported one names itself in its own context. */
    private static String currentTemplate(JinjavaInterpreter interpreter) {
        for (Context c = interpreter.getContext(); c != null; c = c.getParent()) {
            Object imported = c.getScope().get(Context.IMPORT_RESOURCE_PATH_KEY);
            if (imported instanceof String s) {
                return s;
            }
        }
        return interpreter.getContext().getCurrentPathStack().peek().orElse("");
    }
}
