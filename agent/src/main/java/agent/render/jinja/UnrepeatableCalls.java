package agent.render.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.fn.Functions;
import com.hubspot.jinjava.objects.SafeString;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * jinjava's filters and functions whose answer can differ between two runs with the same data:
 * the clock (today, date, unixtimestamp ...), randomness, and the log filter (which has an effect).
 * Each is wrapped to note, in the render calling it, that its output must not be reused.
 */
final class UnrepeatableCalls {

    private static final List<String> FILTERS = List.of("random", "shuffle", "date", "datetimeformat", "unixtimestamp",
            "format_date", "format_time", "format_datetime", "between_times", "log");

    private UnrepeatableCalls() {
    }

    static void install(Jinjava jinjava) {
        for (String name : FILTERS) {
            Filter original = jinjava.getGlobalContext().getFilter(name);
            if (original != null) {
                jinjava.registerFilter(new Noted(original));
            }
        }
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "today", UnrepeatableCalls.class,
                "today", String[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "unixtimestamp", UnrepeatableCalls.class,
                "unixtimestamp", Object[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "datetimeformat", UnrepeatableCalls.class,
                "dateTimeFormat", Object.class, String[].class));
    }

    public static ZonedDateTime today(String... args) {
        SaltContext.unrepeatable("today()");
        return Functions.today(args);
    }

    public static long unixtimestamp(Object... args) {
        SaltContext.unrepeatable("unixtimestamp()");
        return Functions.unixtimestamp(args);
    }

    public static String dateTimeFormat(Object value, String... args) {
        SaltContext.unrepeatable("datetimeformat()");
        return Functions.dateTimeFormat(value, args);
    }

    /** A filter that notes its use, then does what the original does. */
    private record Noted(Filter original) implements Filter {
        @Override
        public String getName() {
            return original.getName();
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            SaltContext.unrepeatable(getName() + " filter");
            return original.filter(var, interpreter, args);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            SaltContext.unrepeatable(getName() + " filter");
            return original.filter(var, interpreter, args, kwargs);
        }

        @Override
        public Object filter(SafeString var, JinjavaInterpreter interpreter, String... args) {
            SaltContext.unrepeatable(getName() + " filter");
            return original.filter(var, interpreter, args);
        }

        @Override
        public boolean preserveSafeString() {
            return original.preserveSafeString();
        }
    }
}
