package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectorised exponential against Math.exp: within a few float roundings over its whole range, the same with a
 * lower bound as without it for exponents at or above the bound, and exponents below the bound taken as the bound.
 */
class ArrayMathTest {

    private static final int N = 20_000;

    @ParameterizedTest
    @ValueSource(floats = {-87f, -80f, -41.04f, -21.01f, -3f, -0.5f})
    void expIsWithinAFewRoundingsOfMathExpAndTheBoundChangesNothingAboveIt(float lowest) {
        Random random = new Random(Float.floatToIntBits(lowest));
        float[] x = new float[N];
        for (int k = 0; k < N; k++) x[k] = lowest + (0.5f - lowest) * random.nextFloat();
        x[0] = lowest;
        x[1] = 0.5f;
        x[2] = 0f;
        float[] bounded = x.clone();
        float[] unbounded = x.clone();
        ArrayMath.exp(bounded, N, new float[N], lowest);
        ArrayMath.exp(unbounded, N, new float[N]);
        for (int k = 0; k < N; k++) {
            double expected = Math.exp(x[k]);
            assertThat((double) bounded[k]).as("e^%s", x[k]).isCloseTo(expected, within(4e-7 * expected));
            assertThat(bounded[k]).as("e^%s with and without the bound", x[k]).isEqualTo(unbounded[k]);
        }
    }

    @ParameterizedTest
    @ValueSource(floats = {-41.04f, -21.01f})
    void anExponentBelowTheBoundIsTakenAsTheBound(float lowest) {
        float[] x = {lowest - 1, lowest - 30, lowest};
        ArrayMath.exp(x, x.length, new float[x.length], lowest);
        assertThat(x[0]).isEqualTo(x[2]);
        assertThat(x[1]).isEqualTo(x[2]);
        assertThat((double) x[2]).isCloseTo(Math.exp(lowest), within(4e-7 * Math.exp(lowest)));
    }

    @ParameterizedTest
    @ValueSource(floats = {-100f, -87f})
    void withoutABoundTheRangeEndsAtTheLowestNormalExponent(float below) {
        float[] x = {below, ArrayMath.LOWEST_EXPONENT};
        ArrayMath.exp(x, x.length, new float[x.length]);
        assertThat(x[0]).isEqualTo(x[1]);
        assertThat((double) x[1]).isCloseTo(Math.exp(ArrayMath.LOWEST_EXPONENT),
                within(4e-7 * Math.exp(ArrayMath.LOWEST_EXPONENT)));
    }
}
