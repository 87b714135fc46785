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
import org.simexplorer.similarity.MatrixProduct;

/**
 * The dense route (two products of the touched rows) gives what the sparse route (one dot product per pair) gives,
 * for every loss, on fully labelled random batches: rows of mixed norms, a zero row, rows no pair touches, pairs in
 * an order not grouped by row, and unlabelled pairs among the rows the block holds.
 */
class DensePairRouteTest {

    private static final int D = 24;

    private static MatrixProduct ort;
    private static SparsePairLossEvaluator sparse;
    private static SparsePairLossEvaluator dense;

    @BeforeAll
    static void start() {
        ort = new MatrixProduct(2, 0);
        sparse = new SparsePairLossEvaluator(ort, 0);
        dense = new SparsePairLossEvaluator(ort, Integer.MAX_VALUE);
    }

    @AfterAll
    static void stop() {
        ort.close();
    }

    static List<String> lossIds() {
        return new PairLossRegistry().ids();
    }

    @ParameterizedTest
    @MethodSource("lossIds")
    void fullyLabelledBatchGivesTheSameValueGradientAndContributionsOnBothRoutes(String id) {
        Random random = new Random(id.hashCode());
        int n = 90;
        float[][] e = randomRows(n, random);
        assertSameOnBothRoutes(id, e, fullyLabelled(n, 0, random));
    }

    @ParameterizedTest
    @MethodSource("lossIds")
    void zeroRowUntouchedRowsAndUngroupedPairsGiveTheSameOnBothRoutes(String id) {
        Random random = new Random(31 + id.hashCode());
        int n = 70;
        float[][] e = randomRows(n, random);
        e[5] = new float[D];
        // Rows 0 and 1 are in no pair; the pairs go in reverse order, so they are not grouped by first row.
        LabelledPairs ordered = fullyLabelled(n, 2, random);
        int p = ordered.size();
        int[] first = new int[p];
        int[] second = new int[p];
        byte[] labels = new byte[p];
        for (int k = 0; k < p; k++) {
            first[k] = ordered.first()[p - 1 - k];
            second[k] = ordered.second()[p - 1 - k];
            labels[k] = ordered.labels()[p - 1 - k];
        }
        assertSameOnBothRoutes(id, e, new LabelledPairs(n, first, second, labels));
    }

    /**
     * A target as {@code POST /api/loss} gets it, large enough that the dense passes split their rows among threads
     * and blocks and S comes in bands: fully labelled, and with a share of the pairs unlabelled inside the block.
     */
    @ParameterizedTest
    @MethodSource("lossIds")
    void largeRandomTargetsGiveTheSameOnBothRoutes(String id) {
        Random random = new Random(57 + id.hashCode());
        // Enough rows that S comes in several bands of rows (UpperScores)
        int n = 760;
        float[][] e = randomRows(n, random);
        assertSameOnBothRoutes(id, e, randomTarget(n, 1.0, random).toLabelledPairs());
        assertSameOnBothRoutes(id, e, randomTarget(n, 0.7, random).toLabelledPairs());
    }

    /**
     * Parameters under which the passes cannot shift every exponential by a fixed bound and keep it in float's
     * range: CoSENT then finds each side's maximum first, softmax-ce shifts each row by its own maximum.
     */
    @ParameterizedTest
    @MethodSource("steepParameters")
    void steepScalesGiveTheSameOnBothRoutes(String id, String parameter, double value) {
        Random random = new Random(71 + id.hashCode());
        int n = 520;
        float[][] e = randomRows(n, random);
        PairLoss loss = new PairLossRegistry().find(id);
        LossParameters params = LossParameters.resolve(loss, java.util.Map.of(parameter, value));
        assertSameOnBothRoutes(id, e, randomTarget(n, 1.0, random).toLabelledPairs(), params);
        assertSameOnBothRoutes(id, e, fullyLabelled(n, 3, random), params);
    }

    static List<org.junit.jupiter.params.provider.Arguments> steepParameters() {
        return List.of(org.junit.jupiter.params.provider.Arguments.of("cosent", "scale", 60.0),
                org.junit.jupiter.params.provider.Arguments.of("softmax-ce", "temperature", 0.01));
    }

    /**
     * Online contrastive compares a side of at most one pair with the other side's mean distance, which the dense
     * route sums only then: one positive among negatives, and one negative among positives.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(bytes = {1, -1})
    void onlineContrastiveWithASingleLabelOnOneSideGivesTheSameOnBothRoutes(byte single) {
        Random random = new Random(97 + single);
        int n = 120;
        float[][] e = randomRows(n, random);
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) pairs.add(new LabelledPair(i, j, i == 3 && j == 40 ? single : -single));
        }
        assertSameOnBothRoutes("online-contrastive", e, LabelledPairs.of(n, pairs));
    }

    /**
     * Scores computed once serve several losses: a loss with its gradient on the dense route must leave them as
     * they were for the next one (only a single evaluation may write its gradient over them).
     */
    @org.junit.jupiter.api.Test
    void sharedScoresServeSeveralLossesWithGradients() {
        Random random = new Random(83);
        int n = 200;
        float[][] e = randomRows(n, random);
        LabelledPairs pairs = randomTarget(n, 1.0, random).toLabelledPairs();
        PairLossRegistry registry = new PairLossRegistry();
        try (PairScores scores = dense.scores(e, pairs)) {
            for (String id : List.of("cosent", "cosine-mse", "cosent")) {
                PairLoss loss = registry.find(id);
                LossParameters params = LossParameters.defaults(loss);
                LossResult shared = dense.evaluate(scores, loss, params, true, false);
                LossResult alone = dense.evaluate(e, pairs, loss, params, true, false);
                assertThat(shared.value()).as(id).isEqualTo(alone.value());
                assertThat(shared.gradient()).as(id).isDeepEqualTo(alone.gradient());
            }
        }
    }

    private static PairTarget randomTarget(int n, double share, Random random) {
        byte[] labels = new byte[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                byte label = random.nextDouble() < share ? (byte) (random.nextBoolean() ? 1 : -1) : 0;
                labels[i * n + j] = label;
                labels[j * n + i] = label;
            }
        }
        return PairTarget.fromLabels(n, labels);
    }

    private static void assertSameOnBothRoutes(String id, float[][] e, LabelledPairs pairs) {
        assertSameOnBothRoutes(id, e, pairs, LossParameters.defaults(new PairLossRegistry().find(id)));
    }

    private static void assertSameOnBothRoutes(String id, float[][] e, LabelledPairs pairs, LossParameters params) {
        PairLoss loss = new PairLossRegistry().find(id);
        LossResult expected = sparse.evaluate(e, pairs, loss, params, true, true);
        LossResult actual = dense.evaluate(e, pairs, loss, params, true, true);
        assertThat(actual.value()).as(id + " value")
                .isCloseTo(expected.value(), within(1e-5 * Math.abs(expected.value()) + 1e-7));
        double largest = 0;
        for (float[] row : expected.gradient()) for (float g : row) largest = Math.max(largest, Math.abs(g));
        assertThat(largest).as(id + " gradient is not all zero").isPositive();
        // Plain loops find the worst entry; one assertion per entry would cost more than the losses.
        String worst = null;
        for (int i = 0; i < e.length && worst == null; i++) {
            double rowLargest = 0;
            for (float g : expected.gradient()[i]) rowLargest = Math.max(rowLargest, Math.abs(g));
            for (int c = 0; c < D; c++) {
                double want = expected.gradient()[i][c];
                double got = actual.gradient()[i][c];
                if (!(Math.abs(got - want) <= 1e-4 * rowLargest + 1e-9 * largest)) {
                    worst = "gradient[" + i + "][" + c + "] is " + got + ", the sparse route gives " + want;
                    break;
                }
            }
        }
        assertThat(worst).as(id).isNull();
        if (expected.pairContributions() == null) {
            assertThat(actual.pairContributions()).isNull();
            return;
        }
        assertThat(actual.pairContributions()).hasSameSizeAs(expected.pairContributions());
        for (int k = 0; k < expected.pairContributions().size() && worst == null; k++) {
            PairContribution want = expected.pairContributions().get(k);
            PairContribution got = actual.pairContributions().get(k);
            if (got.i() != want.i() || got.j() != want.j()
                    || !(Math.abs(got.similarity() - want.similarity()) <= 1e-6)
                    || !(Math.abs(got.contribution() - want.contribution())
                            <= 1e-5 * Math.abs(want.contribution()) + 1e-8)) {
                worst = "contribution " + k + " is " + got + ", the sparse route gives " + want;
            }
        }
        assertThat(worst).as(id).isNull();
    }

    /** Rows with norms from 0.1 to 10, so that the normalisation's backward step matters. */
    private static float[][] randomRows(int n, Random random) {
        float[][] e = new float[n][D];
        for (float[] row : e) {
            double scale = Math.pow(10, random.nextDouble() * 2 - 1);
            for (int c = 0; c < D; c++) row[c] = (float) (random.nextGaussian() * scale / Math.sqrt(D));
        }
        return e;
    }

    /** Every pair i < j of the rows from {@code from} on, labelled ±1 at random. */
    private static LabelledPairs fullyLabelled(int n, int from, Random random) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = from; i < n; i++) {
            for (int j = i + 1; j < n; j++) pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
        }
        return LabelledPairs.of(n, pairs);
    }
}
