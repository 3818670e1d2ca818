package agent.host.facts;

/** One value a state will read: what a function declares so that the engine reads it ahead. */
public record Need<K, V>(Fact<K, V> fact, K key) {

    public static <V> Need<Fact.Whole, V> whole(Fact<Fact.Whole, V> fact) {
        return new Need<>(fact, Fact.Whole.ALL);
    }
}
