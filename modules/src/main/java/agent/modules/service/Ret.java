package agent.modules.service;

import agent.spi.Result;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salt's {@code ret} dict while a service state builds it, so the code can follow Salt's flow
 * (and its {@code ret.update(_enable(...))}) closely enough to return the same comments.
 */
final class Ret {

    Boolean result = true;
    Map<String, Object> changes = new LinkedHashMap<>();
    String comment = "";

    /** The part of a ret that a helper such as Salt's _enable sets; what it leaves null stays. */
    static final class Update {
        private boolean hasResult;
        private Boolean result;
        private Map<String, Object> changes;
        private String comment;

        Update result(Boolean r) {
            this.hasResult = true;
            this.result = r;
            return this;
        }

        Update changes(Map<String, Object> c) {
            this.changes = new LinkedHashMap<>(c);
            return this;
        }

        Update comment(String c) {
            this.comment = c;
            return this;
        }

        Boolean result() {
            return result;
        }
    }

    /** Salt's {@code ret.update(other)}. */
    Ret update(Update u) {
        if (u.hasResult) {
            result = u.result;
        }
        if (u.changes != null) {
            changes = u.changes;
        }
        if (u.comment != null) {
            comment = u.comment;
        }
        return this;
    }

    Result toResult() {
        return Result.of(result, changes, comment);
    }

    /** A failed start or stop: Salt's comment, then what the command said. */
    static String withCommandOutput(String comment, String output) {
        return output == null || output.isBlank() ? comment : comment + ":\n" + output.strip();
    }

    /** A failing command's output after Salt's comment (its wording for enable), where there is any. */
    static String withOutput(String comment, String output) {
        return output == null || output.isBlank() ? comment
                : comment + ". Additional information follows:\n\n" + output.strip();
    }
}
