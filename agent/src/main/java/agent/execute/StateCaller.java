package agent.execute;

import agent.compile.Low;
import agent.compile.StateModules;
import agent.spi.Call;
import agent.spi.Result;
import agent.spi.StateException;
import agent.spi.StateFunction;
import agent.spi.StateModule;
import agent.spi.Values;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one low chunk: the skip checks (onlyif, unless, creates), the state function (or its
 * module's mod_watch), check_cmd and retry; measures start time and duration as Salt does.
 */
final class StateCaller {

    private static final Logger LOG = LoggerFactory.getLogger(StateCaller.class);

    private final StateModules modules;
    private final EngineContext context;
    private final GlobalChecks checks;

    StateCaller(StateModules modules, EngineContext context, GlobalChecks checks) {
        this.modules = modules;
        this.context = context;
        this.checks = checks;
    }

    boolean hasModWatch(Low low) {
        return modules.module(low.state()).flatMap(StateModule::modWatch).isPresent();
    }

    /** Runs the state (or, with {@code watch}, its mod_watch) and times it. */
    StateReturn call(Low low, boolean test, Call.Requisites reqs, boolean modWatch) {
        String start = Clock.startTime();
        long t0 = System.nanoTime();
        if (LOG.isInfoEnabled()) {
            LOG.info("Running state [{}] at time {}: {}.{}{}", low.name(), start, low.state(),
                    modWatch ? "mod_watch" : low.fun(), test ? " (test)" : "");
        }
        StateReturn ret = callOnce(low, test, reqs, modWatch);
        Map<String, Object> retry = retryOptions(low);
        if (retry != null && !test) {
            int attempts = ((Number) retry.get("attempts")).intValue();
            Boolean until = (Boolean) retry.get("until");
            StringBuilder comments = new StringBuilder();
            for (int attempt = 1; attempt < attempts && !until.equals(ret.result()); attempt++) {
                long interval = ((Number) retry.get("interval")).longValue();
                long splay = ((Number) retry.get("splay")).longValue();
                long wait = interval + (splay > 0 ? ThreadLocalRandom.current().nextLong(splay + 1) : 0);
                LOG.info("state '{}' returned {}, retrying in {} s", low.id(), ret.result(), wait);
                comments.append("Attempt ").append(attempt).append(": Returned a result of \"")
                        .append(Values.text(ret.result())).append("\", with the following comment: \"")
                        .append(ret.comment()).append("\"\n");
                sleep(wait);
                ret = callOnce(low, test, reqs, modWatch);
            }
            if (!comments.isEmpty()) {
                ret = copyWithComment(ret, comments + ret.comment());
            }
        } else if (retry != null) {
            ret = copyWithComment(ret, (ret.comment().isEmpty() ? "" : ret.comment()) + "  The state would be retried every "
                    + retry.get("interval") + " seconds (with a splay of up to " + retry.get("splay")
                    + " seconds) a maximum of " + retry.get("attempts") + " times or until a result of "
                    + Values.text(retry.get("until")) + " is returned");
        }
        double ms = Math.round((System.nanoTime() - t0) / 1000.0) / 1000.0;
        if (LOG.isInfoEnabled()) {
            LOG.info("Completed state [{}] at time {} (duration_in_ms={}): {}", low.name(), Clock.startTime(), ms,
                    ret.result() == null ? "would change" : ret.result() ? (ret.changes().isEmpty() ? "unchanged" : "changed") : "failed");
        }
        return ret.at(low.slsOrNull(), low.id(), -1, start, ms);
    }

    private StateReturn callOnce(Low low, boolean test, Call.Requisites reqs, boolean modWatch) {
        String name = low.name();
        if (GlobalChecks.applies(low)) {
            GlobalChecks.Skip skip = checks.skip(low);
            if (skip != null) {
                return new StateReturn(name, true, new LinkedHashMap<>(), skip.comment()).withSkipWatch(true);
            }
        }
        if (context.isMocked()) {
            return new StateReturn(name, true, new LinkedHashMap<>(), "Not called, mocked");
        }
        // A listener's chunk is {fun: mod_watch, sfun: <its own function>}.
        boolean viaWatch = modWatch || "mod_watch".equals(low.fun());
        String fun = "mod_watch".equals(low.fun()) ? String.valueOf(low.get("sfun")) : low.fun();
        StateFunction fn = modules.function(low.state(), fun).orElseThrow();
        Call call = new Call(low.state(), fun, fn.schema(), low.data(), context.withTest(test), reqs);
        Result r;
        try {
            StateFunction.Body body = viaWatch
                    ? modules.module(low.state()).flatMap(StateModule::modWatch).orElseThrow()
                    : fn.body();
            r = body.apply(call);
        } catch (StateException | IllegalArgumentException e) {
            r = Result.failed(e.getMessage());
        } catch (IOException e) {
            r = Result.failed(ioMessage(e));
        } catch (Exception e) {
            LOG.debug("state '{}' threw", low.id(), e);
            r = Result.failed("An exception occurred in this state: " + e);
        }
        StateReturn ret = new StateReturn(name, r.result(), new LinkedHashMap<>(r.changes()), r.comment())
                .withSkipWatch(r.isSkipWatch());
        if (low.has("check_cmd") && fn.schema().param("check_cmd").isEmpty()) {
            Object[] verdict = checks.checkCmd(low);
            ret = new StateReturn(name, (Boolean) verdict[0], ret.changes(), (String) verdict[1])
                    .withSkipWatch(ret.skipWatch());
        }
        return ret;
    }

    /** "path: Permission denied", "path: No space left on device" ... */
    static String ioMessage(IOException e) {
        if (e instanceof FileSystemException fse) {
            String file = fse.getFile() == null ? "" : fse.getFile() + ": ";
            String reason = fse.getReason() != null ? fse.getReason() : fse.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
            if (e instanceof java.nio.file.NoSuchFileException) {
                reason = "No such file or directory";
            } else if (e instanceof java.nio.file.AccessDeniedException) {
                reason = "Permission denied";
            }
            return file + reason;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Salt's verify_retry_data: defaults until True, attempts 2, interval 30, splay 0. */
    private static Map<String, Object> retryOptions(Low low) {
        Object r = low.get("retry");
        if (r == null || Boolean.FALSE.equals(r)) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("until", true);
        out.put("attempts", 2L);
        out.put("splay", 0L);
        out.put("interval", 30L);
        if (r instanceof Map<?, ?> m) {
            if (m.get("until") instanceof Boolean b) {
                out.put("until", b);
            }
            for (String k : List.of("attempts", "splay", "interval")) {
                if (m.get(k) instanceof Number n) {
                    out.put(k, n.longValue());
                }
            }
        }
        return out;
    }

    private static StateReturn copyWithComment(StateReturn r, String comment) {
        return new StateReturn(r.name(), r.result(), r.changes(), comment).withSkipWatch(r.skipWatch());
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
