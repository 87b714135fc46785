package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenPoolingTest {

    // batch 1, length 3, dim 2: tokens (1,0), (3,4), (100,100); the last is padding
    private final float[] hidden = {1, 0, 3, 4, 100, 100};
    private final long[] mask = {1, 1, 0};

    @Test
    void meanPoolingAveragesOnlyMaskedTokensThenNormalises() {
        float[][] pooled = TokenPooling.pool(hidden, mask, 1, 3, 2, Pooling.MEAN);
        // mean of (1,0) and (3,4) is (2,2); unit length gives (1/sqrt2, 1/sqrt2)
        assertThat(pooled[0][0]).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
        assertThat(pooled[0][1]).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-6f));
    }

    @Test
    void clsPoolingTakesTheFirstToken() {
        float[][] pooled = TokenPooling.pool(hidden, mask, 1, 3, 2, Pooling.CLS);
        assertThat(pooled[0]).containsExactly(1f, 0f);
    }

    @Test
    void poolsEachSentenceOfABatchSeparately() {
        float[] twoSentences = {0, 2, 9, 9, 5, 0, 5, 0};
        long[] twoMasks = {1, 0, 1, 1};
        float[][] pooled = TokenPooling.pool(twoSentences, twoMasks, 2, 2, 2, Pooling.MEAN);
        assertThat(pooled[0]).containsExactly(0f, 1f);
        assertThat(pooled[1]).containsExactly(1f, 0f);
    }

    @Test
    void zeroVectorStaysZeroInsteadOfNaN() {
        float[][] pooled = TokenPooling.pool(new float[] {0, 0}, new long[] {1}, 1, 1, 2, Pooling.MEAN);
        assertThat(pooled[0]).containsExactly(0f, 0f);
    }
}
