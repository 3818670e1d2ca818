package agent.render.jinja;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's for loops where jinjava differs. A loop filter,
 * {@code {% for u in users if not u.absent %}}, which jinjava reads as a conditional expression
 * and so ignores, becomes an {@code if} around the body. A loop's {@code {% else %}}, which
 * jinjava renders on every pass instead of only when nothing was looped over, becomes an
 * {@code if} after the loop on a list the body appends to. One instance follows the for/if
 * nesting of one template. Unlike Jinja, {@code loop.index} in a filtered loop counts the
 * skipped items too.
 */
final class LoopFilters {

    private static final Pattern FOR_TAG = Pattern.compile("(?s)^([-+]?\\s*)for\\s+(.+?\\s+in\\s+.*?)(\\s*[-+]?)$");
    private static final Pattern LEAD = Pattern.compile("^[-+]?\\s*");
    private static final Pattern NAME = Pattern.compile("\\w+");
    private static final Pattern WORD = Pattern.compile("(?s)^[-+]?\\s*(\\w+).*");

    /** An open for or if block; for a loop, whether it is filtered and the list its else reads. */
    private record Block(boolean loop, boolean filtered, String ran, boolean inElse) {
    }

    private final String text;
    private final Deque<Block> open = new ArrayDeque<>();
    private int loopsWithElse;

    LoopFilters(String text) {
        this.text = text;
    }

    /** The tag's inside, rewritten where needed; {@code after} is where the text goes on after the tag. */
    String rewrite(String inner, int after) {
        Matcher word = WORD.matcher(inner);
        if (!word.matches()) {
            return inner;
        }
        Block top = open.peek();
        boolean inLoop = top != null && top.loop() && !top.inElse();
        switch (word.group(1)) {
            case "for" -> {
                return openFor(inner, after);
            }
            case "if" -> open.push(new Block(false, false, null, false));
            case "endif" -> {
                if (top != null && !top.loop()) {
                    open.pop();
                }
            }
            case "else" -> {
                if (inLoop) {
                    open.pop();
                    open.push(new Block(true, top.filtered(), top.ran(), true));
                    return replaceTag(inner, (top.filtered() ? "endif %}{% " : "") + "endfor %}{% if not " + top.ran());
                }
            }
            case "endfor" -> {
                if (top != null && top.loop()) {
                    open.pop();
                    if (top.inElse()) {
                        return replaceTag(inner, "endif");
                    }
                    if (top.filtered()) {
                        return replaceTag(inner, "endif %}{% endfor");
                    }
                }
            }
            default -> {
            }
        }
        return inner;
    }

    private String openFor(String inner, int after) {
        Matcher m = FOR_TAG.matcher(inner);
        if (!m.matches()) {
            open.push(new Block(true, false, null, false));
            return inner;
        }
        int at = SaltSyntax.topLevel(m.group(2), " if ");
        String loop = at < 0 ? m.group(2) : m.group(2).substring(0, at);
        String ran = hasElse(after) ? "__agent_loop_" + (++loopsWithElse) : null;
        open.push(new Block(true, at >= 0, ran, false));
        StringBuilder out = new StringBuilder();
        if (ran != null) {
            out.append(m.group(1)).append("set ").append(ran).append(" = [] %}{% for ");
        } else {
            out.append(m.group(1)).append("for ");
        }
        out.append(loop);
        if (at >= 0) {
            out.append(" %}{% if ").append(m.group(2).substring(at + " if ".length()).strip());
        }
        if (ran != null) {
            out.append(" %}{% do ").append(ran).append(".append(1)");
        }
        return out.append(m.group(3)).toString();
    }

    /** Whether the loop whose tag ends at {@code from} has an else of its own. */
    private boolean hasElse(int from) {
        int depth = 0;
        int i = from;
        while (true) {
            int tag = text.indexOf("{%", i);
            if (tag < 0) {
                return false;
            }
            int end = SaltSyntax.tagEnd(text, tag);
            if (end < 0) {
                return false;
            }
            Matcher word = WORD.matcher(text.substring(tag + 2, end - 2));
            String name = word.matches() ? word.group(1) : "";
            i = "raw".equals(name) ? SaltSyntax.endOfRaw(text, end) : end;
            switch (name) {
                case "for", "if" -> depth++;
                case "endfor", "endif" -> {
                    if (depth-- == 0) {
                        return false;
                    }
                }
                case "else" -> {
                    if (depth == 0) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The tag's word replaced by {@code replacement}, keeping its whitespace control. */
    private static String replaceTag(String inner, String replacement) {
        Matcher lead = LEAD.matcher(inner);
        lead.lookingAt();
        Matcher word = NAME.matcher(inner);
        word.find(lead.end());
        return lead.group() + replacement + inner.substring(word.end());
    }
}
