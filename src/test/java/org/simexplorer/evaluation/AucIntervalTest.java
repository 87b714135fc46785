package org.simexplorer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AucIntervalTest {

    @Test
    void theStandardErrorIsHanleyAndMcNeilsFormula() {
        // A = 0.8, 50 and 50: Q1 = 2/3, Q2 = 32/45; SE² = (0.16 + 49·(2/3 − 0.64) + 49·(32/45 − 0.64)) / 2500
        double expected = Math.sqrt((0.16 + 49 * (2.0 / 3 - 0.64) + 49 * (32.0 / 45 - 0.64)) / 2500);
        assertThat(AucInterval.standardError(0.8, 50, 50)).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.0445, within(5e-5));
        // one of each: SE² = A(1 − A), the variance of a single comparison
        assertThat(AucInterval.standardError(0.5, 1, 1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theIntervalIsAPlusMinusZTimesTheErrorClippedToTheUnitInterval() {
        AucInterval interval = AucInterval.of95(0.8, 50, 50);
        double se = AucInterval.standardError(0.8, 50, 50);
        assertThat(interval.low()).isCloseTo(0.8 - 1.959963984540054 * se, within(1e-12));
        assertThat(interval.high()).isCloseTo(0.8 + 1.959963984540054 * se, within(1e-12));
        AucInterval high = AucInterval.of95(0.97, 5, 5);
        assertThat(high.high()).isEqualTo(1.0);
        assertThat(high.low()).isLessThan(0.97);
    }

    @Test
    void aPerfectAucOnFourPairsIsWideAndNarrowsWithMorePairs() {
        AucInterval tiny = AucInterval.of95(1.0, 2, 2);
        assertThat(tiny.high()).isEqualTo(1.0);
        assertThat(tiny.low()).isLessThan(0.65);
        AucInterval more = AucInterval.of95(1.0, 30, 30);
        assertThat(more.low()).isGreaterThan(tiny.low()).isLessThan(1.0);
        assertThat(AucInterval.of95(0.0, 2, 2).high()).isGreaterThan(0.35);
    }

    @Test
    void noIntervalWithoutBothClassesOrAFiniteAuc() {
        assertThat(AucInterval.of95(Double.NaN, 5, 5)).isNull();
        assertThat(AucInterval.of95(0.7, 0, 5)).isNull();
        assertThat(AucInterval.of95(0.7, 5, 0)).isNull();
    }
}
