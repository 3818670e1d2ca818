package agent.modules.test;

import agent.spi.Call;
import agent.spi.Param;
import agent.spi.Result;
import agent.spi.Schema;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** States that succeed or fail on purpose: for trying requisites, handlers and output. */
public final class TestModule implements StateModule {

    private static final Map<String, Object> PRETEND = Map.of("testing",
            orderedPair("old", "Unchanged", "new", "Something pretended to change"));

    private static final Param COMMENT = Param.string("comment", "The comment to report");

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String doc() {
        return "Predictable results, for trying out requisites, handlers and output.";
    }

    @Override
    public List<StateFunction> functions() {
        return List.of(
                new StateFunction("succeed_without_changes", Schema.open(COMMENT), "Succeed, change nothing.",
                        c -> Result.ok(c.string("comment", "Success!"))),
                new StateFunction("succeed_with_changes", Schema.open(COMMENT), "Succeed, report a change.",
                        c -> c.test()
                                ? Result.pending(PRETEND, "If we weren't testing, this would be successful with changes")
                                : Result.changed(PRETEND, c.string("comment", "Success!"))),
                new StateFunction("fail_without_changes", Schema.open(COMMENT), "Fail, change nothing.",
                        c -> Result.failed(c.test() ? "If we weren't testing, this would be a failure!"
                                : c.string("comment", "Failure!"))),
                new StateFunction("fail_with_changes", Schema.open(COMMENT), "Fail, report a change.",
                        c -> c.test()
                                ? Result.pending(PRETEND, "If we weren't testing, this would be failed with changes")
                                : Result.failed(PRETEND, c.string("comment", "Failure!"))),
                new StateFunction("nop", Schema.open(), "Do nothing (useful with use, or as a placeholder).",
                        c -> Result.ok("Success!")),
                new StateFunction("show_notification", Schema.of(
                        new Param("text", Param.Type.STRING, true, null, "Text to show as the comment")),
                        "Show a message as the state's comment.", TestModule::notification),
                new StateFunction("configurable_test_state", Schema.open(
                        Param.any("changes", "True, False or 'Random'").withDefault(true),
                        Param.any("result", "True, False or 'Random'").withDefault(true),
                        COMMENT), "Report exactly the given result and changes.", TestModule::configurable));
    }

    @Override
    public Optional<StateFunction.Body> modWatch() {
        return Optional.of(call -> {
            List<String> changed = new ArrayList<>();
            for (Map<String, Object> req : call.changedRequisites()) {
                changed.add(req.get("state") + ": " + req.get("__id__"));
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("Requisites with changes", changed);
            return Result.of(true, changes, call.string("comment", "Watch statement fired."));
        });
    }

    private static Result notification(Call call) throws StateException {
        String text = call.string("text").orElse("");
        if (text.isEmpty()) {
            throw new StateException("Missing required argument text.");
        }
        return Result.ok(text);
    }

    private static Result configurable(Call call) throws StateException {
        boolean changes = pick(call.raw("changes") == null ? Boolean.TRUE : call.raw("changes"), "changes");
        boolean result = pick(call.raw("result") == null ? Boolean.TRUE : call.raw("result"), "result");
        String comment = call.string("comment", "");
        Map<String, Object> ch = changes ? PRETEND : Map.of();
        if (call.test()) {
            return Result.of(changes ? null : Boolean.TRUE, ch, comment.isEmpty() ? "This is a test" : comment);
        }
        return Result.of(result, ch, comment);
    }

    private static boolean pick(Object v, String what) throws StateException {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("random".equalsIgnoreCase(Values.text(v))) {
            return java.util.concurrent.ThreadLocalRandom.current().nextBoolean();
        }
        throw new StateException("You have specified the state option '" + what
                + "' with invalid arguments. It must be either True, False, or 'Random'");
    }

    private static Map<String, Object> orderedPair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return java.util.Collections.unmodifiableMap(m);
    }
}
