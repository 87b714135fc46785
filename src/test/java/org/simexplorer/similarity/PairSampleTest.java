package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairSampleTest {

    @Test
    void smallSetsTakeEveryPairOnce() {
        PairSample all = PairSample.of(4, 10, 0);
        assertThat(all.first()).containsExactly(0, 0, 0, 1, 1, 2);
        assertThat(all.second()).containsExactly(1, 2, 3, 2, 3, 3);
        assertThat(PairSample.of(1, 10, 0).size()).isZero();
    }

    @Test
    void largeSetsAreSampledReproduciblyWithIBelowJ() {
        PairSample sample = PairSample.of(1000, 5000, 0);
        assertThat(sample.size()).isEqualTo(5000);
        for (int k = 0; k < sample.size(); k++) {
            assertThat(sample.first()[k]).isLessThan(sample.second()[k]).isGreaterThanOrEqualTo(0);
            assertThat(sample.second()[k]).isLessThan(1000);
        }
        assertThat(PairSample.of(1000, 5000, 0).first()).containsExactly(sample.first());
        assertThat(PairSample.of(1000, 5000, 1).first()).isNotEqualTo(sample.first());
    }

    @Test
    void cosinesIgnoreRowLengths() {
        float[][] rows = {{2, 0}, {1, 1}, {0, 0}};
        float[] cosines = PairSample.of(3, 10, 0).cosines(rows);
        assertThat(cosines[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(cosines[1]).isZero();
        assertThat(cosines[2]).isZero();
    }
}
