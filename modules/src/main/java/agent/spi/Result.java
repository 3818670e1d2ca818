package agent.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a state function reports: Salt's {@code result} (true, false, or null for "would change"
 * in test mode), {@code changes} and {@code comment}.
 */
public final class Result {

    private final Boolean result;
    private final Map<String, Object> changes;
    private final String comment;
    private boolean skipWatch;

    private Result(Boolean result, Map<String, Object> changes, String comment) {
        this.result = result;
        this.changes = changes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(changes);
        this.comment = comment == null ? "" : comment;
    }

    /** Nothing to do: the host already is as declared. */
    public static Result ok(String comment) {
        return new Result(true, Map.of(), comment);
    }

    /** The host was changed. */
    public static Result changed(Map<String, Object> changes, String comment) {
        return new Result(true, changes, comment);
    }

    /** Test mode: this is what would change. */
    public static Result pending(Map<String, Object> changes, String comment) {
        return new Result(null, changes, comment);
    }

    public static Result failed(String comment) {
        return new Result(false, Map.of(), comment);
    }

    public static Result failed(Map<String, Object> changes, String comment) {
        return new Result(false, changes, comment);
    }

    /** Any combination, for functions whose result follows something else (a return code). */
    public static Result of(Boolean result, Map<String, Object> changes, String comment) {
        return new Result(result, changes, comment);
    }

    /** In test mode a change is pending; otherwise it happened. */
    public static Result changedOrPending(boolean test, Map<String, Object> changes, String comment) {
        return new Result(test ? null : Boolean.TRUE, changes, comment);
    }

    public Boolean result() {
        return result;
    }

    public Map<String, Object> changes() {
        return changes;
    }

    public String comment() {
        return comment;
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** Salt's {@code skip_watch}: a watcher must not run its mod_watch after this result. */
    public Result skipWatch() {
        this.skipWatch = true;
        return this;
    }

    public boolean isSkipWatch() {
        return skipWatch;
    }

    @Override
    public String toString() {
        return "Result{result=" + result + ", changes=" + changes + ", comment=" + comment + "}";
    }
}
