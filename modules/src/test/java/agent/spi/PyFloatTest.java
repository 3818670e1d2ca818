package agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are Python 3's repr() of the same doubles. */
class PyFloatTest {

    @Test
    void printsAsPythonDoes() {
        assertEquals("0.0", PyFloat.str(0.0));
        assertEquals("-0.0", PyFloat.str(-0.0));
        assertEquals("1.0", PyFloat.str(1.0));
        assertEquals("10000.0", PyFloat.str(10000.0));
        assertEquals("10000.0001", PyFloat.str(10000.0001));
        assertEquals("17.179", PyFloat.str(17.179));
        assertEquals("0.001", PyFloat.str(0.001));
        assertEquals("0.0001", PyFloat.str(0.0001));
        assertEquals("1e-05", PyFloat.str(0.00001));
        assertEquals("1.5e-07", PyFloat.str(1.5e-7));
        assertEquals("123456789.123", PyFloat.str(123456789.123));
        assertEquals("1e+16", PyFloat.str(1e16));
        assertEquals("9999999999999998.0", PyFloat.str(9999999999999998.0));
        assertEquals("1.2345e+20", PyFloat.str(1.2345e20));
        assertEquals("-2.5", PyFloat.str(-2.5));
        assertEquals("0.1", PyFloat.str(0.1));
        assertEquals("0.30000000000000004", PyFloat.str(0.1 + 0.2));
        assertEquals("1e+22", PyFloat.str(1e22));
        assertEquals("nan", PyFloat.str(Double.NaN));
        assertEquals("-inf", PyFloat.str(Double.NEGATIVE_INFINITY));
    }

    @Test
    void durationsInThousandthsPrintAsPythonDoes() {
        assertEquals("0.001", PyFloat.str(0.001));
        assertEquals("0.01", PyFloat.str(0.01));
        assertEquals("0.012", PyFloat.str(0.012));
        assertEquals("0.105", PyFloat.str(0.105));
        assertEquals("2.0", PyFloat.str(2.0));
        assertEquals("1.5", PyFloat.str(1.5));
        assertEquals("123.456", PyFloat.str(123.456));
        assertEquals("-41.07", PyFloat.str(-41.07));
        assertEquals("999999999.999", PyFloat.str(999999999.999));
        assertEquals("1000000000.0", PyFloat.str(1e9));
        // Every microsecond-rounded duration up to 2 s, as Double.toString's digits give it.
        for (long micros = 1; micros <= 2_000_000; micros++) {
            double ms = micros / 1000.0;
            String java = Double.toString(ms);
            assertEquals(java.contains("E") ? PyFloat.str(ms) : java, PyFloat.str(ms));
        }
    }
}
