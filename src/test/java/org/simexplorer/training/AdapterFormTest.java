package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.loss.AdapterLossEvaluator;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.simexplorer.similarity.MatrixProduct;

/**
 * The diagonal and low-rank forms carry ∂L/∂W (plus the λ‖W − I‖² term) to their own parameters correctly:
 * checked against central finite differences of the real loss, for every loss, away from the starting point.
 */
class AdapterFormTest {

    private static final MatrixProduct PRODUCT = new MatrixProduct(1, 0);
    private static final AdapterLossEvaluator EVALUATOR = new AdapterLossEvaluator(PRODUCT);
    private static final int N = 14;
    private static final int D = 6;
    private static final double LAMBDA = 0.05;

    @AfterAll
    static void close() {
        PRODUCT.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-sigmoid-bce", "cosine-mse", "contrastive", "online-contrastive", "cosent",
            "softmax-ce", "sigmoid"})
    void diagonalAndLowRankGradientsMatchFiniteDifferences(String lossId) {
        PairLoss loss = new PairLossRegistry().find(lossId);
        float[][] e = embeddings();
        LabelledPairs pairs = pairs();
        for (AdapterForm form : List.of(new AdapterForm.Diagonal(D), new AdapterForm.LowRank(D, 2))) {
            float[] p = form.initial(11);
            Random random = new Random(4);
            // Move away from W = I (where U = 0 hides half the low-rank gradient).
            for (int k = 0; k < p.length; k++) p[k] += (float) (random.nextGaussian() * 0.3);
            float[] analytic = gradient(form, p, e, pairs, loss);
            for (int k = 0; k < p.length; k++) {
                double h = 3e-3;
                float kept = p[k];
                p[k] = (float) (kept + h);
                double up = objective(form, p, e, pairs, loss);
                p[k] = (float) (kept - h);
                double down = objective(form, p, e, pairs, loss);
                p[k] = kept;
                double numeric = (up - down) / (2 * h);
                assertThat(analytic[k]).as("%s %s parameter %d", lossId, form.label(), k)
                        .isCloseTo((float) numeric, org.assertj.core.data.Offset.offset(
                                (float) (2e-3 + 2e-2 * Math.abs(numeric))));
            }
        }
    }

    @Test
    void everyFormStartsAtTheIdentity() {
        for (AdapterForm form : List.of(new AdapterForm.Full(D), new AdapterForm.Diagonal(D),
                new AdapterForm.LowRank(D, 3))) {
            float[] w = form.weights(form.initial(9));
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) assertThat(w[i * D + j]).isEqualTo(i == j ? 1f : 0f);
            }
        }
    }

    @Test
    void rankIsFullDiagonalOrAnIntegerUpToTheDimension() {
        assertThat(AdapterForm.parse(null, 384)).isEqualTo(new AdapterForm.Full(384));
        assertThat(AdapterForm.parse("diagonal", 384)).isEqualTo(new AdapterForm.Diagonal(384));
        assertThat(AdapterForm.parse(8, 384)).isEqualTo(new AdapterForm.LowRank(384, 8));
        assertThat(AdapterForm.parse("384", 384)).isEqualTo(new AdapterForm.LowRank(384, 384));
        for (Object bad : new Object[] {0, 385, -1, "low", 2.5}) {
            assertThatThrownBy(() -> AdapterForm.parse(bad, 384)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'rank'");
        }
    }

    private static double objective(AdapterForm form, float[] p, float[][] e, LabelledPairs pairs, PairLoss loss) {
        float[] w = form.weights(p);
        double penalty = 0;
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                double delta = w[i * D + j] - (i == j ? 1 : 0);
                penalty += delta * delta;
            }
        }
        return EVALUATOR.evaluate(e, square(w), pairs, loss, LossParameters.defaults(loss), false).value()
                + LAMBDA * penalty;
    }

    private static float[] gradient(AdapterForm form, float[] p, float[][] e, LabelledPairs pairs, PairLoss loss) {
        float[] w = form.weights(p);
        float[][] g = EVALUATOR.evaluate(e, square(w), pairs, loss, LossParameters.defaults(loss), false)
                .adapterGradient();
        float[] flat = new float[D * D];
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                flat[i * D + j] = (float) (g[i][j] + 2 * LAMBDA * (w[i * D + j] - (i == j ? 1 : 0)));
            }
        }
        return form.chain(flat, p);
    }

    private static float[][] square(float[] w) {
        float[][] out = new float[D][D];
        for (int i = 0; i < D; i++) System.arraycopy(w, i * D, out[i], 0, D);
        return out;
    }

    private static float[][] embeddings() {
        Random random = new Random(1);
        float[][] e = new float[N][D];
        for (float[] row : e) {
            for (int k = 0; k < D; k++) row[k] = (float) random.nextGaussian();
        }
        return e;
    }

    private static LabelledPairs pairs() {
        List<LabelledPair> pairs = new ArrayList<>();
        Random random = new Random(2);
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                if (random.nextDouble() < 0.3) pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
            }
        }
        return LabelledPairs.of(N, pairs);
    }
}
