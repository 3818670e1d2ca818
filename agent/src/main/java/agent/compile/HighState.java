package agent.compile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salt's high data: state ID → body ({@code {state: [function, {arg: value}...], __sls__, __env__}}),
 * plus {@code __extend__} and {@code __exclude__}, with where each part was written.
 */
public record HighState(Map<String, Object> data, Origins origins) {

    public static HighState empty() {
        return new HighState(new LinkedHashMap<>(), new Origins());
    }
}
