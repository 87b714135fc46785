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

/**
 * The chain rule over labelled pairs: a gradient step descends, both routes agree on large batches, zero rows
 * behave, and a few labels among many rows cost no rows × rows memory.
 */
class SparsePairLossEvaluatorTest {

    private static MatrixProduct product;
    private static SparsePairLossEvaluator evaluator;

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        evaluator = new SparsePairLossEvaluator(product);
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
        LabelledPairs target = LabelledPairs.of(n, pairs);
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
    void largeBatchGivesTheSameResultOnBothRoutes() {
        // A quarter of all pairs labelled: the product route on ORT, against one double dot product per pair.
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
        LabelledPairs target = LabelledPairs.of(n, pairs);
        try (MatrixProduct ort = new MatrixProduct(2, 0)) {
            SparsePairLossEvaluator fastEvaluator = new SparsePairLossEvaluator(ort);
            SparsePairLossEvaluator plainEvaluator = new SparsePairLossEvaluator(ort, 0);
            for (PairLoss loss : new PairLossRegistry().all()) {
                LossParameters params = LossParameters.defaults(loss);
                LossResult fast = fastEvaluator.evaluate(e, target, loss, params, true, true);
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
        LabelledPairs target = PairTarget.fromArray(new double[][] {{0, 1, 1}, {1, 0, -1}, {1, -1, 0}}).toLabelledPairs();
        PairLoss loss = new PairLossRegistry().find("cosine-mse");
        LossResult result = evaluator.evaluate(e, target, loss, LossParameters.defaults(loss), true, true);
        assertThat(result.pairContributions().stream().mapToDouble(PairContribution::similarity).toArray())
                .containsExactly(new double[] {0.0, 0.6, 0.0}, within(1e-7));
        // (0-1)² + (.6-1)² + (0+1)² over 3
        assertThat(result.value()).isCloseTo((1 + 0.16 + 1) / 3, within(1e-6));
        for (float[] row : result.gradient()) for (float g : row) assertThat(g).isFinite();
    }

    @Test
    void responseCarriesPairsAndParams() {
        float[][] e = {{1, 0}, {0, 1}, {1, 1}};
        LabelledPairs target = LabelledPairs.of(3, List.of(new LabelledPair(0, 2, 1), new LabelledPair(1, 0, -1)));
        PairLoss loss = new PairLossRegistry().find("sigmoid");
        LossResult result = evaluator.evaluate(e, target, loss, LossParameters.defaults(loss), false, true);
        assertThat(result.loss()).isEqualTo("sigmoid");
        assertThat(result.labelledPairs()).isEqualTo(2);
        assertThat(result.params()).containsEntry("t", 10.0).containsEntry("b", -10.0);
        assertThat(result.gradient()).isNull();
        assertThat(result.pairContributions()).extracting(PairContribution::i, PairContribution::j, PairContribution::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, -1), org.assertj.core.groups.Tuple.tuple(0, 2, 1));
    }

    @Test
    void fewLabelsAmongManyRowsNeedNoRowsByRowsArray() {
        // 60,000 rows: a rows × rows float matrix would be 14 GB, far past the test heap.
        int n = 60_000;
        Random random = new Random(11);
        float[][] e = new float[n][8];
        for (float[] row : e) for (int k = 0; k < row.length; k++) row[k] = (float) random.nextGaussian();
        List<LabelledPair> pairs = List.of(new LabelledPair(0, 59_999, 1), new LabelledPair(17, 30_000, -1),
                new LabelledPair(17, 59_999, 1), new LabelledPair(5, 6, -1));
        LabelledPairs labelled = LabelledPairs.of(n, pairs);
        // The same pairs on just the rows they touch, renumbered 0..5 in row order: the loss must not change.
        int[] touched = {0, 5, 6, 17, 30_000, 59_999};
        float[][] small = new float[touched.length][];
        for (int k = 0; k < touched.length; k++) small[k] = e[touched[k]];
        LabelledPairs renumbered = LabelledPairs.of(touched.length, List.of(new LabelledPair(0, 5, 1),
                new LabelledPair(3, 4, -1), new LabelledPair(3, 5, 1), new LabelledPair(1, 2, -1)));
        for (PairLoss loss : new PairLossRegistry().all()) {
            LossParameters params = LossParameters.defaults(loss);
            LossResult big = evaluator.evaluate(e, labelled, loss, params, true, true);
            LossResult expected = evaluator.evaluate(small, renumbered, loss, params, true, true);
            assertThat(big.value()).as(loss.id()).isCloseTo(expected.value(), within(1e-12));
            assertThat(big.gradient()).hasNumberOfRows(n);
            for (int k = 0; k < touched.length; k++) {
                assertThat(big.gradient()[touched[k]]).as(loss.id() + " row " + touched[k])
                        .containsExactly(expected.gradient()[k]);
            }
            assertThat(big.gradient()[1]).containsOnly(0f);
            assertThat(big.gradient()[59_998]).containsOnly(0f);
        }
    }

    @Test
    void severalLossesShareOneComputationOfTheScores() {
        float[][] e = {{1, 0, 0}, {0.8f, 0.6f, 0}, {0, 1, 0}, {0, 0, 2}};
        // In row order: (0, 1), (0, 3), (1, 2), (2, 3); row 3 has norm 2, so its raw dot products differ only where non-zero.
        LabelledPairs pairs = LabelledPairs.of(4, List.of(new LabelledPair(0, 1, 1), new LabelledPair(1, 2, 1),
                new LabelledPair(0, 3, -1), new LabelledPair(2, 3, -1)));
        PairScores scores = evaluator.scores(e, pairs);
        assertThat(scores.cosines()).containsExactly(new double[] {0.8, 0, 0.6, 0}, within(1e-7));
        assertThat(scores.dots()).containsExactly(new double[] {0.8, 0, 0.6, 0}, within(1e-7));
        for (PairLoss loss : new PairLossRegistry().all()) {
            LossParameters params = LossParameters.defaults(loss);
            assertThat(evaluator.evaluate(scores, loss, params, true, true))
                    .usingRecursiveComparison()
                    .isEqualTo(evaluator.evaluate(e, pairs, loss, params, true, true));
        }
    }
}
