package org.simexplorer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void pearsonOfALinearRelationIsOne() {
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 9})).isCloseTo(1, within(1e-12));
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void pearsonMatchesAHandComputedValue() {
        // x = 1,2,3 ; y = 1,3,2: cov = 1, var x = 2, var y = 2 -> r = 0.5
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void spearmanUsesAverageRanksForTies() {
        assertThat(Correlation.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        // monotone but not linear: Spearman 1, Pearson below 1
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1, 4, 9, 16, 100};
        assertThat(Correlation.spearman(x, y)).isCloseTo(1, within(1e-12));
        assertThat(Correlation.pearson(x, y)).isLessThan(0.95);
        // scipy.stats.spearmanr([1,2,3,4,5],[5,6,7,8,7]) = 0.8207826816681233
        assertThat(Correlation.spearman(x, new double[] {5, 6, 7, 8, 7})).isCloseTo(0.8207826816681233, within(1e-12));
    }
}
