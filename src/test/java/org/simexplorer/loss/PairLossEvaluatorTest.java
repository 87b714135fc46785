package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.simexplorer.similarity.MatrixProduct;

/** The shared chain rule: a gradient step descends, large batches agree across routes, zero rows behave. */
class PairLossEvaluatorTest {

    private static MatrixProduct product;
    private static PairLossEvaluator evaluator;

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        evaluator = new PairLossEvaluator(product);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    static List<String> lossIds() {
        return new PairLossRegistry().ids();
    }

    @ParameterizedTest
    @MethodSource("lossIds")
    void oneGradientStepLowersTheLoss(String id) {
        PairLoss loss = new PairLossRegistry().find(id);
        Random random = new Random(7);
        int n = 12;
        float[][] e = new float[n][6];
        for (float[] row : e) for (int k = 0; k < row.length; k++) row[k] = (float) random.nextGaussian();
        // Two loose groups, labelled by group, so every loss has hard pairs to work on.
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new LabelledPair(i, j, (i % 2 == j % 2) ? 1 : -1));
            }
        }
        PairTarget target = PairTarget.of(n, pairs);
        LossParameters params = LossParameters.defaults(loss);
        LossResult before = evaluator.evaluate(e, target, loss, params, true, false);
        double norm = 0;
        for (float[] row : before.gradient()) for (float g : row) norm += g * g;
        norm = Math.sqrt(norm);
        assertThat(norm).as("gradient norm").isPositive();
        double lr = 1e-2 / norm;
        float[][] stepped = new float[n][];
        for (int i = 0; i < n; i++) {
            stepped[i] = e[i].clone();
            for (int k = 0; k < stepped[i].length; k++) stepped[i][k] -= (float) (lr * before.gradient()[i][k]);
        }
        double after = evaluator.evaluate(stepped, target, loss, params, false, false).value();
        assertThat(after).as(id).isLessThan(before.value());
        // First-order prediction: the loss drops by about lr·‖g‖²
        assertThat(before.value() - after).isCloseTo(lr * norm * norm, within(0.2 * lr * norm * norm));
    }

    @Test
    void largeBatchGivesTheSameResultOnBothProductRoutes() {
        // n = 300 runs ORT by default; compare with the plain double-accumulator route.
        int n = 300;
        Random random = new Random(3);
        float[][] e = new float[n][32];
        for (float[] row : e) for (int k = 0; k < row.length; k++) row[k] = (float) random.nextGaussian();
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (random.nextInt(4) == 0) pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
            }
        }
        PairTarget target = PairTarget.of(n, pairs);
        try (MatrixProduct plain = new MatrixProduct(1, Long.MAX_VALUE)) {
            PairLossEvaluator plainEvaluator = new PairLossEvaluator(plain);
            for (PairLoss loss : new PairLossRegistry().all()) {
                LossParameters params = LossParameters.defaults(loss);
                LossResult fast = evaluator.evaluate(e, target, loss, params, true, true);
                LossResult slow = plainEvaluator.evaluate(e, target, loss, params, true, true);
                assertThat(fast.value()).as(loss.id()).isCloseTo(slow.value(), within(1e-4 * Math.abs(slow.value()) + 1e-6));
                double maxGradient = 0;
                for (float[] row : slow.gradient()) for (float g : row) maxGradient = Math.max(maxGradient, Math.abs(g));
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < 32; k++) {
                        assertThat((double) fast.gradient()[i][k]).as(loss.id() + " grad " + i + "," + k)
                                .isCloseTo(slow.gradient()[i][k], within(1e-3 * maxGradient));
                    }
                }
            }
        }
    }

    @Test
    void zeroRowHasSimilarityZeroAndFiniteGradient() {
        float[][] e = {{1, 0, 0}, {0, 0, 0}, {0.6f, 0.8f, 0}};
        PairTarget target = PairTarget.fromArray(new double[][] {{0, 1, 1}, {1, 0, -1}, {1, -1, 0}});
        PairLoss loss = new PairLossRegistry().find("cosine-mse");
        LossResult result = evaluator.evaluate(e, target, loss, LossParameters.defaults(loss), true, true);
        assertThat(result.pairContributions()).extracting(PairContribution::similarity)
                .containsExactly(0.0, (double) 0.6f, 0.0);
        // (0-1)² + (.6-1)² + (0+1)² over 3
        assertThat(result.value()).isCloseTo((1 + 0.16 + 1) / 3, within(1e-6));
        for (float[] row : result.gradient()) for (float g : row) assertThat(g).isFinite();
    }

    @Test
    void responseCarriesPairsAndParams() {
        float[][] e = {{1, 0}, {0, 1}, {1, 1}};
        PairTarget target = PairTarget.of(3, List.of(new LabelledPair(0, 2, 1), new LabelledPair(1, 0, -1)));
        PairLoss loss = new PairLossRegistry().find("sigmoid");
        LossResult result = evaluator.evaluate(e, target, loss, LossParameters.defaults(loss), false, true);
        assertThat(result.loss()).isEqualTo("sigmoid");
        assertThat(result.labelledPairs()).isEqualTo(2);
        assertThat(result.params()).containsEntry("t", 10.0).containsEntry("b", -10.0);
        assertThat(result.gradient()).isNull();
        assertThat(result.pairContributions()).extracting(PairContribution::i, PairContribution::j, PairContribution::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, -1), org.assertj.core.groups.Tuple.tuple(0, 2, 1));
    }
}
