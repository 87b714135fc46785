package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised exponential against Math.exp: within a few float roundings over its whole range and at every
 * power of two it scales by, and clamped at both ends of the range.
 */
class ArrayMathTest {

    private static final int N = 20_000;
    /** A few float roundings, relative. */
    private static final double CLOSE = 4e-7;

    @ParameterizedTest
    @ValueSource(floats = {-87f, -41f, -21f, -3f, -0.5f})
    void expIsWithinAFewRoundingsOfMathExpFromTheLowestExponentOn(float lowest) {
        Random random = new Random(Float.floatToIntBits(lowest));
        float[] x = new float[N];
        for (int k = 0; k < N; k++) x[k] = lowest + (0.5f - lowest) * random.nextFloat();
        x[0] = lowest;
        x[1] = 0.5f;
        x[2] = 0f;
        float[] e = x.clone();
        ArrayMath.exp(e, N, new ArrayMath.ExpScratch(N));
        for (int k = 0; k < N; k++) {
            double expected = Math.exp(x[k]);
            assertThat((double) e[k]).as("e^%s", x[k]).isCloseTo(expected, within(CLOSE * expected));
        }
    }

    @Test
    void expIsCloseAtEveryPowerOfTwoItScalesBy() {
        float[] x = new float[2 * 127];
        for (int q = 0; q < 127; q++) {
            x[2 * q] = (float) (-q * Math.log(2)); // r near 0
            x[2 * q + 1] = (float) ((-q + 0.49) * Math.log(2)); // r near its end
        }
        float[] e = x.clone();
        ArrayMath.exp(e, e.length, new ArrayMath.ExpScratch(e.length));
        for (int k = 0; k < x.length; k++) {
            double expected = Math.exp(Math.max(x[k], ArrayMath.LOWEST_EXPONENT));
            assertThat((double) e[k]).as("e^%s", x[k]).isCloseTo(expected, within(CLOSE * expected));
        }
    }

    @Test
    void exponentsOutsideTheRangeAreTakenAsItsEnds() {
        float[] x = {-100f, -1e30f, ArrayMath.LOWEST_EXPONENT, 0.5f, 3f, 1e30f};
        // A scratch larger than the call's n, as a pass's rows are.
        ArrayMath.exp(x, x.length, new ArrayMath.ExpScratch(64));
        assertThat(x[0]).isEqualTo(x[2]);
        assertThat(x[1]).isEqualTo(x[2]);
        assertThat((double) x[2]).isCloseTo(Math.exp(ArrayMath.LOWEST_EXPONENT),
                within(CLOSE * Math.exp(ArrayMath.LOWEST_EXPONENT)));
        assertThat((double) x[3]).isCloseTo(Math.exp(0.5), within(CLOSE * Math.exp(0.5)));
        assertThat(x[4]).isEqualTo(x[3]);
        assertThat(x[5]).isEqualTo(x[3]);
    }
}
