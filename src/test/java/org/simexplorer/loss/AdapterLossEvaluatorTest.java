package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.similarity.MatrixProduct;

/**
 * ∂L/∂W and ∂L/∂E through W against central finite differences of the loss itself, for every loss and for K
 * smaller than, equal to and larger than D; the identity adapter changes nothing; a W of the wrong shape is a 400.
 */
class AdapterLossEvaluatorTest {

    private static final int N = 14;
    private static final int D = 6;

    private static MatrixProduct product;
    private static AdapterLossEvaluator adapters;
    private static SparsePairLossEvaluator sparse;

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        adapters = new AdapterLossEvaluator(product);
        sparse = new SparsePairLossEvaluator(product);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    static Stream<Arguments> lossesAndWidths() {
        List<Arguments> all = new ArrayList<>();
        for (String id : new PairLossRegistry().ids()) {
            for (int k : new int[] {3, D, 9}) all.add(Arguments.of(id, k));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} K={1}")
    @MethodSource("lossesAndWidths")
    void adapterGradientMatchesFiniteDifferences(String id, int k) {
        PairLoss loss = new PairLossRegistry().find(id);
        LossParameters params = LossParameters.defaults(loss);
        Random random = new Random(31L * k + id.hashCode());
        float[][] e = gaussian(N, D, random, 0.5);
        float[][] w = gaussian(D, k, random, 1.0 / Math.sqrt(D));
        for (int r = 0; r < Math.min(D, k); r++) w[r][r] += 1;
        LabelledPairs pairs = groups(random);
        AdapterLossResult result = adapters.evaluate(e, w, pairs, loss, params, true);
        // Along three random directions V: (L(W + hV) − L(W − hV)) / 2h against ⟨∂L/∂W, V⟩.
        for (int trial = 0; trial < 3; trial++) {
            float[][] v = gaussian(D, k, random, 1);
            double h = 1e-3;
            double numeric = (adapters.evaluate(e, plus(w, v, h), pairs, loss, params, false).value()
                    - adapters.evaluate(e, plus(w, v, -h), pairs, loss, params, false).value()) / (2 * h);
            double analytic = inner(result.adapterGradient(), v);
            assertThat(analytic).as(id + " K=" + k + " direction " + trial)
                    .isCloseTo(numeric, within(2e-3 * Math.max(1, Math.abs(numeric))));
        }
        float[][] v = gaussian(N, D, random, 1);
        double h = 1e-3;
        double numeric = (adapters.evaluate(plus(e, v, h), w, pairs, loss, params, false).value()
                - adapters.evaluate(plus(e, v, -h), w, pairs, loss, params, false).value()) / (2 * h);
        assertThat(inner(result.embeddingGradient(), v)).as(id + " K=" + k + " ∂L/∂E")
                .isCloseTo(numeric, within(2e-3 * Math.max(1, Math.abs(numeric))));
    }

    @Test
    void theIdentityAdapterIsTheLossOnTheEmbeddings() {
        Random random = new Random(5);
        float[][] e = gaussian(N, D, random, 1);
        float[][] identity = new float[D][D];
        for (int r = 0; r < D; r++) identity[r][r] = 1;
        LabelledPairs pairs = groups(random);
        for (PairLoss loss : new PairLossRegistry().all()) {
            LossParameters params = LossParameters.defaults(loss);
            LossResult plain = sparse.evaluate(e, pairs, loss, params, true, true);
            LossResult through = adapters.evaluateInDetail(e, identity, pairs, loss, params, true, true);
            assertThat(through.value()).as(loss.id()).isCloseTo(plain.value(), within(1e-5 * Math.abs(plain.value()) + 1e-7));
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < D; c++) {
                    assertThat(through.gradient()[i][c]).as(loss.id() + " ∂L/∂E")
                            .isCloseTo(plain.gradient()[i][c], within(1e-5f));
                    // With W = I, ∂L/∂W = Eᵀ·∂L/∂E restricted to rows with labels; here every row has one.
                }
            }
            assertThat(through.adapterGradient()).hasDimensions(D, D);
            if (plain.pairContributions() != null) {
                assertThat(through.pairContributions()).hasSameSizeAs(plain.pairContributions());
                for (int p = 0; p < plain.pairContributions().size(); p++) {
                    PairContribution a = through.pairContributions().get(p);
                    PairContribution b = plain.pairContributions().get(p);
                    assertThat(a.i()).isEqualTo(b.i());
                    assertThat(a.j()).isEqualTo(b.j());
                    assertThat(a.similarity()).isCloseTo(b.similarity(), within(1e-6));
                }
            }
        }
    }

    @Test
    void preparedPairsGiveTheSameResultStepAfterStep() {
        Random random = new Random(8);
        float[][] e = gaussian(40, D, random, 1);
        LabelledPairs pairs = LabelledPairs.of(40, List.of(new LabelledPair(3, 30, 1), new LabelledPair(3, 7, -1),
                new LabelledPair(7, 39, 1), new LabelledPair(12, 30, -1)));
        AdapterPairs prepared = adapters.prepare(e, pairs);
        assertThat(prepared.touched()).containsExactly(3, 7, 12, 30, 39);
        PairLoss loss = new PairLossRegistry().find("cosent");
        for (int step = 0; step < 3; step++) {
            float[][] w = gaussian(D, 4, random, 1);
            AdapterLossResult once = adapters.evaluate(e, w, pairs, loss, LossParameters.defaults(loss), true);
            AdapterLossResult reused = adapters.evaluate(prepared, w, loss, LossParameters.defaults(loss), true);
            assertThat(reused).usingRecursiveComparison().isEqualTo(once);
            assertThat(once.embeddingGradient()[0]).containsOnly(0f);
        }
    }

    @Test
    void applyMultipliesEveryRow() {
        float[][] e = {{1, 2}, {3, 4}, {0, 0}};
        float[][] w = {{1, 0, 2}, {0, 1, -1}};
        assertThat(adapters.apply(e, w)).isDeepEqualTo(new float[][] {{1, 2, 0}, {3, 4, 2}, {0, 0, 0}});
    }

    @Test
    void anAdapterOfTheWrongShapeIsRejectedNamingTheField() {
        float[][] e = {{1, 0, 0}, {0, 1, 0}};
        LabelledPairs pairs = LabelledPairs.of(2, List.of(new LabelledPair(0, 1, 1)));
        PairLoss loss = new PairLossRegistry().find("cosine-mse");
        LossParameters params = LossParameters.defaults(loss);
        assertThatThrownBy(() -> adapters.evaluate(e, new float[][] {{1, 0}, {0, 1}}, pairs, loss, params, false))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("'adapter' has 2 rows but the embeddings have 3 dimensions; "
                            + "W must be D × K with D = 3.");
                    assertThat(ex.properties()).containsEntry("field", "adapter");
                });
        assertThatThrownBy(() -> adapters.evaluate(e, new float[][] {{1, 0}, {0, 1}, {0}}, pairs, loss, params, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("adapter[2] has 1 values but adapter[0] has 2; every row of W must have K values.");
        assertThatThrownBy(() -> adapters.evaluate(e, new float[][] {{1}, {Float.NaN}, {0}}, pairs, loss, params, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("adapter[1] holds NaN; every value of W must be finite.");
    }

    /** Two interleaved groups of 7 with every pair labelled by group: positives and negatives in every row. */
    private static LabelledPairs groups(Random random) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                if (random.nextInt(3) > 0) pairs.add(new LabelledPair(i, j, i % 2 == j % 2 ? 1 : -1));
            }
        }
        return LabelledPairs.of(N, pairs);
    }

    private static float[][] gaussian(int rows, int cols, Random random, double scale) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int c = 0; c < cols; c++) row[c] = (float) (scale * random.nextGaussian());
        return m;
    }

    private static float[][] plus(float[][] a, float[][] v, double h) {
        float[][] out = new float[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = new float[a[r].length];
            for (int c = 0; c < a[r].length; c++) out[r][c] = (float) (a[r][c] + h * v[r][c]);
        }
        return out;
    }

    private static double inner(float[][] a, float[][] b) {
        double sum = 0;
        for (int r = 0; r < a.length; r++) for (int c = 0; c < a[r].length; c++) sum += (double) a[r][c] * b[r][c];
        return sum;
    }
}
