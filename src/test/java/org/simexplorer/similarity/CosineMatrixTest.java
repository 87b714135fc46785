package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CosineMatrixTest {

    private static MatrixProduct product;
    private static CosineMatrix cosineMatrix;

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        cosineMatrix = new CosineMatrix(product);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void matchesNaiveDoublePrecisionCosines() {
        float[][] e = randomRows(150, 40, new Random(1));
        float[][] s = cosineMatrix.cosine(e);
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < e.length; j++) {
                assertThat((double) s[i][j]).isCloseTo(naiveCosine(e[i], e[j]), within(1e-5));
            }
        }
    }

    @Test
    void zeroRowIsSimilarToNothingIncludingItself() {
        float[][] e = {{3, 4}, {0, 0}, {-4, 3}, {6, 8}};
        float[][] s = cosineMatrix.cosine(e);
        assertThat(s[1]).containsOnly(0f);
        for (float[] row : s) assertThat(row[1]).isZero();
        assertThat(s[0][0]).isCloseTo(1f, within(1e-6f));
        assertThat(s[0][2]).isCloseTo(0f, within(1e-6f));
        assertThat(s[0][3]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void closedMatrixRefusesReadsAndItsBufferIsReused() {
        float[][] e = randomRows(64, 16, new Random(4));
        SimilarityMatrix first = cosineMatrix.compute(e);
        float[] copy = first.toArray();
        first.close();
        assertThatThrownBy(() -> first.get(0, 0)).isInstanceOf(IllegalStateException.class);
        try (SimilarityMatrix second = cosineMatrix.compute(e)) {
            assertThat(second.toArray()).containsExactly(copy);
            assertThat(second.size()).isEqualTo(64);
        }
    }

    @Test
    void normalizeKeepsTheOriginalNorms() {
        NormalizedRows x = CosineMatrix.normalize(new float[][] {{3, 4}, {0, 0}});
        assertThat(x.norms()).containsExactly(5.0, 0.0);
        assertThat(x.get(0, 0)).isEqualTo(0.6f);
        assertThat(x.get(1, 1)).isZero();
    }

    static float[][] randomRows(int n, int d, Random random) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) for (int k = 0; k < d; k++) row[k] = (float) random.nextGaussian();
        return rows;
    }

    static double naiveCosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += (double) a[k] * b[k];
            na += (double) a[k] * a[k];
            nb += (double) b[k] * b[k];
        }
        return dot / (Math.max(Math.sqrt(na), 1e-12) * Math.max(Math.sqrt(nb), 1e-12));
    }
}
