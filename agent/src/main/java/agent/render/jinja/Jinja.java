package agent.render.jinja;

import agent.InputError;
import agent.render.jinja.JinjaSetup;
import agent.render.jinja.SaltContext;
import agent.render.jinja.SaltSyntax;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Jinja environment shared by SLS files, pillar files and file templates. jinjava is costly
 * to build (about 200 ms of first-time work), so it is built once, on a background thread
 * started as early as it is known to be needed, and never for a run whose files hold no Jinja.
 */
public final class Jinja implements TemplateRenderer {

    /** Reads templates ({@code import}, {@code include}, {@code import_yaml}) from the state tree. */
    @FunctionalInterface
    public interface Loader {
        /** @param path a path relative to the roots, already normalised ({@code salt://} removed) */
        String load(String path) throws IOException;
    }

    /** Context key under which the active loader travels, for the resource locator. */
    public static final String LOADER_KEY = "__agent_loader__";

    private static final java.util.regex.Pattern CHILD_ERROR =
            java.util.regex.Pattern.compile("(?s)Error in `(.*?)` on line (\\d+): (.*)");

    private CompletableFuture<Jinjava> engine;
    private final java.util.concurrent.atomic.AtomicBoolean awaited = new java.util.concurrent.atomic.AtomicBoolean();

    private Jinja() {
    }

    /** An engine built on first use (or when {@link #start()} says it will be needed). */
    public static Jinja lazy() {
        return new Jinja();
    }

    /** An engine whose building starts now, on another thread. */
    public static Jinja startBuilding() {
        Jinja j = new Jinja();
        j.start();
        return j;
    }

    /** Starts building on a background thread, unless already started. */
    public synchronized void start() {
        if (engine == null) {
            engine = CompletableFuture.supplyAsync(() -> JinjaSetup.build(awaited::get), command -> {
                Thread t = new Thread(command, "jinja-setup");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** Whether the engine is built or being built (not, for a run whose renders were all remembered). */
    public synchronized boolean started() {
        return engine != null;
    }

    private Jinjava engine() {
        start();
        awaited.set(true);
        return engine.join();
    }

    /** True when the text uses any Jinja syntax; plain YAML skips the engine entirely. */
    public static boolean hasJinja(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    @Override
    public String render(String text, String name, String displayName, Map<String, Object> vars, Loader loader) {
        return render(text, name, displayName, vars, loader, new RenderInputs());
    }

    /** {@link #render(String, String, String, Map, Loader)}, noting in {@code inputs} what the render read and called. */
    public String render(String text, String name, String displayName, Map<String, Object> vars, Loader loader,
                         RenderInputs inputs) {
        checkComments(text, displayName);
        String template = SaltSyntax.adapt(text);
        Jinjava jinjava = engine();
        Context context = new SaltContext(jinjava.getGlobalContext(), vars, jinjava.getGlobalConfig().getDisabled(), inputs);
        context.put(LOADER_KEY, (Loader) path -> {
            try {
                String read = loader.load(path);
                inputs.read(path, read);
                return read;
            } catch (IOException | RuntimeException e) {
                inputs.read(path, null);
                throw e;
            }
        });
        JinjavaInterpreter interpreter = jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
        context.getCurrentPathStack().push(name, 0, 0);
        JinjavaInterpreter.pushCurrent(interpreter);
        String out;
        try {
            out = interpreter.render(template);
        } catch (RuntimeException e) {
            throw new InputError("Jinja error: " + withoutJavaNames(rootMessage(e)), displayName, lineOf(e), e);
        } catch (StackOverflowError e) {
            throw new InputError("Jinja error: the template calls itself too deeply", displayName, 0);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        List<TemplateError> fatal = interpreter.getErrorsCopy().stream()
                // jinjava only warns about a stray end tag; Jinja refuses the template.
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL
                        || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR || isRecursion(e)).toList();
        if (!fatal.isEmpty()) {
            TemplateError first = fatal.get(0);
            String message = first.getMessage();
            int line = Math.max(first.getLineno(), 0);
            // jinjava re-reports some errors as "Error in `template` on line N: message".
            java.util.regex.Matcher m = CHILD_ERROR.matcher(message);
            String in = first.getSourceTemplate().orElse(name);
            if (m.matches()) {
                in = m.group(1);
                line = Integer.parseInt(m.group(2));
                message = m.group(3);
            }
            boolean here = in.equals(name);
            throw new InputError("Jinja error: " + withoutJavaNames(message) + (here ? "" : " (in " + in + ", line " + line + ")"),
                    displayName, here ? line : 0);
        }
        return out;
    }

    /** Jinja refuses a comment that never ends; jinjava would quietly drop the rest of the file. */
    private static void checkComments(String text, String displayName) {
        int at = 0;
        while ((at = text.indexOf("{#", at)) >= 0) {
            int rawStart = text.lastIndexOf("{% raw %}", at);
            int rawEnd = text.lastIndexOf("{% endraw %}", at);
            int end = text.indexOf("#}", at + 2);
            if (end < 0) {
                if (rawStart >= 0 && rawStart > rawEnd) {
                    return;
                }
                int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
                throw new InputError("Jinja error: Missing end of comment tag", displayName, line);
            }
            at = end + 2;
        }
    }

    /** The template line an exception from jinjava points at, or 0. */
    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.hubspot.jinjava.interpret.InterpretException ie && ie.getLineNumber() > 0) {
                return ie.getLineNumber();
            }
            if (t instanceof com.hubspot.jinjava.interpret.FatalTemplateErrorsException f) {
                for (TemplateError err : f.getErrors()) {
                    if (err.getLineno() > 0) {
                        return err.getLineno();
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    /** A macro that calls itself: jinjava only warns and renders nothing where Jinja would recurse. */
    private static boolean isRecursion(TemplateError e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("Max recursion limit") || m.startsWith("Cycle detected for macro");
    }

    /** "java.lang.IllegalArgumentException: x" → "x": users read the message, not our class names. */
    static String withoutJavaNames(String message) {
        String m = JAVA_NAME.matcher(message).replaceAll("");
        m = IN_CLASS.matcher(m).replaceAll("");
        return QUALIFIED.matcher(m).replaceAll("a value");
    }

    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");

    /** jinjava names the Java class of a value it could not call a method on. */
    private static final java.util.regex.Pattern IN_CLASS =
            java.util.regex.Pattern.compile(" in class (?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*");

    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
