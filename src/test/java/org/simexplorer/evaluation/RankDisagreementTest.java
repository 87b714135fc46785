package org.simexplorer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankDisagreementTest {

    @Test
    void floatRanksMatchTheGeneralRanksWithTiesAndSigns() {
        float[] values = {0.5f, -0.25f, 0.5f, 0f, -0f, -1f, 2f, -0.25f};
        double[] asDoubles = new double[values.length];
        for (int k = 0; k < values.length; k++) asDoubles[k] = values[k];
        assertThat(Correlation.ranks(values)).containsExactly(Correlation.ranks(asDoubles));
        assertThat(Correlation.ranks(values)).containsExactly(6.5, 2.5, 6.5, 4.5, 4.5, 1, 8, 2.5);

        Random random = new Random(1);
        float[] many = new float[5000];
        double[] manyDoubles = new double[many.length];
        for (int k = 0; k < many.length; k++) {
            many[k] = Math.round(random.nextGaussian() * 100) / 100f;
            manyDoubles[k] = many[k];
        }
        assertThat(Correlation.ranks(many)).containsExactly(Correlation.ranks(manyDoubles));
    }

    @Test
    void topPairsAreThoseWhoseRanksMoveMost() {
        // Five pairs. First model: a < b < c < d < e. Second: e is lowest, a highest, the rest keep their order.
        float[] first = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
        float[] second = {0.9f, 0.2f, 0.3f, 0.4f, 0.05f};
        double[] firstRanks = Correlation.ranks(first);
        double[] secondRanks = Correlation.ranks(second);
        assertThat(secondRanks).containsExactly(5, 2, 3, 4, 1);
        List<RankDisagreement.Item> top = RankDisagreement.top(firstRanks, secondRanks, 3);
        // a moves up 4, e down 4 (a comes first on the tie), b, c and d each move 0.
        assertThat(top).containsExactly(new RankDisagreement.Item(0, 4), new RankDisagreement.Item(4, -4),
                new RankDisagreement.Item(1, 0));
        assertThat(RankDisagreement.top(firstRanks, secondRanks, 10)).hasSize(5);
        assertThat(RankDisagreement.top(firstRanks, secondRanks, 0)).isEmpty();
    }
}
