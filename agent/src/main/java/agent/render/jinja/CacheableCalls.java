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
import java.util.Set;

/**
 * Which filters and functions a render may call and still be reused by a later run: an
 * allow-list of those whose answer depends only on their arguments. Every other filter is wrapped
 * to note, in the render calling it, that its output must not be reused: the clock (date,
 * unixtimestamp ...), randomness, the log filter (which has an effect), and any filter a jinjava
 * upgrade adds before someone reads it and lists it here. Functions cannot be wrapped generically:
 * the known impure ones are, and a test fails the build when jinjava offers a function that is in
 * neither list.
 */
public final class CacheableCalls {

    /** Filters whose output depends only on their input and arguments (Jinja's, jinjava's and Salt's). */
    public static final Set<String> PURE_FILTERS = Set.of(
            "abs", "add", "allow_snake_case", "attr", "b64decode", "b64encode", "batch", "bool", "capitalize",
            "center", "count", "cut", "d", "default", "dictsort", "difference", "divide", "divisible", "e", "escape",
            "escape_jinjava", "escapejs", "escapejson", "filesizeformat", "first", "float", "forceescape", "format",
            "format_number", "fromjson", "fromyaml", "groupby", "indent", "int", "intersect", "ipaddr", "ipv4", "ipv6",
            "join", "last", "length", "list", "lower", "map", "md5", "minus_time", "multiply", "plus_time", "pprint",
            "regex_replace", "reject", "rejectattr", "replace", "reverse", "root", "round", "safe", "select",
            "selectattr", "slice", "sort", "split", "string", "striptags", "strtodate", "strtotime", "sum",
            "symmetric_difference", "title", "tojson", "toyaml", "trim", "truncate", "truncatehtml", "unescape_html",
            "union", "unique", "upper", "urldecode", "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr",
            // Salt's
            "yaml", "json", "yaml_encode", "yaml_dquote", "yaml_squote", "load_yaml", "load_json", "regex_search",
            "regex_match", "to_bool", "traverse", "sequence", "is_list", "quote", "sha256", "sha512",
            "base64_encode", "base64_decode");

    /** Global functions whose answer depends only on their arguments. */
    public static final Set<String> PURE_FUNCTIONS = Set.of(":namespace", ":range", ":super", ":type", ":truncate",
            ":strtodate", ":strtotime", "fn:immutable_list", "fn:list", "fn:map_entry");

    /** Global functions that read the clock: replaced by wrappers that note it. */
    public static final Set<String> NOTED_FUNCTIONS = Set.of(":today", ":unixtimestamp", ":datetimeformat",
            ":format_date", ":format_datetime", ":format_time");

    private CacheableCalls() {
    }

    static void install(Jinjava jinjava) {
        for (Filter original : List.copyOf(jinjava.getGlobalContext().getAllFilters())) {
            if (!PURE_FILTERS.contains(original.getName())) {
                jinjava.registerFilter(new Noted(original));
            }
        }
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "today", CacheableCalls.class,
                "today", String[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "unixtimestamp", CacheableCalls.class,
                "unixtimestamp", Object[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "datetimeformat", CacheableCalls.class,
                "dateTimeFormat", Object.class, String[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "format_date", CacheableCalls.class,
                "formatDate", Object.class, String[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "format_datetime", CacheableCalls.class,
                "formatDatetime", Object.class, String[].class));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "format_time", CacheableCalls.class,
                "formatTime", Object.class, String[].class));
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

    public static Object formatDate(Object value, String... args) {
        SaltContext.unrepeatable("format_date()");
        return com.hubspot.jinjava.lib.filter.time.FormatDateFilter.format(value, args);
    }

    public static Object formatDatetime(Object value, String... args) {
        SaltContext.unrepeatable("format_datetime()");
        return com.hubspot.jinjava.lib.filter.time.FormatDatetimeFilter.format(value, args);
    }

    public static Object formatTime(Object value, String... args) {
        SaltContext.unrepeatable("format_time()");
        return com.hubspot.jinjava.lib.filter.time.FormatTimeFilter.format(value, args);
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
