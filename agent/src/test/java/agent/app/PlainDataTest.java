package agent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainDataTest {

    private static byte[] written(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            PlainData.write(out, value);
            out.writeLong(-2L);
            out.writeInt(Integer.MIN_VALUE);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsBackWhatWasWrittenInOrder() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zeta", "plain");
        value.put("alpha", List.of(1, -7L, 2.5, -0.0, true, false, "ünïcödé ☃ 𝄞", ""));
        value.put("big", new BigInteger("123456789012345678901234567890"));
        value.put("none", null);
        value.put("nested", Map.of("k", new ArrayList<>(List.of(Long.MAX_VALUE, Integer.MIN_VALUE))));
        PlainInput in = new PlainInput(written(value));
        Object read = PlainData.read(in);
        assertEquals(value, read);
        assertEquals(List.of("zeta", "alpha", "big", "none", "nested"), new ArrayList<>(((Map<?, ?>) read).keySet()));
        assertEquals(-2L, in.readLong());
        assertEquals(Integer.MIN_VALUE, in.readInt());
    }

    @Test
    void aDamagedOrCutFileIsAnErrorNotAHugeAllocation() throws IOException {
        byte[] ok = written(List.of("some text", 42));
        byte[] cut = Arrays.copyOf(ok, ok.length - 20);
        assertThrows(IOException.class, () -> PlainData.read(new PlainInput(cut)));
        byte[] huge = ok.clone();
        huge[5] = 0x7f;   // the first item's length: now about two billion
        assertThrows(IOException.class, () -> PlainData.read(new PlainInput(huge)));
    }
}
