package agent.render.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every filter and function of the engine is classified for the render cache: a filter is either
 * on the pure list or noted when used; a function jinjava offers that is on neither list (say,
 * after an upgrade) fails this test until someone reads it and lists it.
 */
class CacheableCallsTest {

    private final Jinjava jinjava = JinjaSetup.build(() -> true);

    @Test
    void everyFilterIsPureOrNoted() {
        List<String> unclassified = new TreeSet<>(jinjava.getGlobalContext().getAllFilters().stream()
                .filter(f -> !CacheableCalls.PURE_FILTERS.contains(f.getName()) && !noted(f))
                .map(Filter::getName).toList()).stream().toList();
        assertEquals(List.of(), unclassified);
    }

    @Test
    void everyFunctionIsPureOrNoted() {
        List<String> unclassified = jinjava.getGlobalContext().getAllFunctions().stream()
                .map(f -> f.getNamespace() + ":" + f.getLocalName())
                .filter(n -> !CacheableCalls.PURE_FUNCTIONS.contains(n) && !CacheableCalls.NOTED_FUNCTIONS.contains(n))
                .sorted().toList();
        assertEquals(List.of(), unclassified);
    }

    @Test
    void notedFunctionsAreTheWrappers() {
        List<String> unwrapped = jinjava.getGlobalContext().getAllFunctions().stream()
                .filter(f -> CacheableCalls.NOTED_FUNCTIONS.contains(f.getNamespace() + ":" + f.getLocalName()))
                .filter(f -> f.getMethod().getDeclaringClass() != CacheableCalls.class)
                .map(f -> f.getNamespace() + ":" + f.getLocalName()).sorted().toList();
        assertEquals(List.of(), unwrapped);
    }

    private static boolean noted(Filter f) {
        return f.getClass().getName().endsWith("CacheableCalls$Noted");
    }
}
