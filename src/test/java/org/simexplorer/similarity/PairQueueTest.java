package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.similarity.PairQueue.Candidate;
import org.simexplorer.similarity.PairQueue.Selection;

/** The label queue's choice of pairs from neighbour lists and from a seeded random draw. */
class PairQueueTest {

    private static MatrixProduct product;

    @BeforeAll
    static void start() {
        product = new MatrixProduct(2, 0);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void informativeLeavesOutSelfLabelledAndRepeatedPairsAndRanksByDistanceToTheThreshold() {
        // rows 0 and 1 list each other, row 2 lists itself, and (0, 2) is labelled
        int[] rows = {0, 1, 2};
        NeighbourList[] lists = {
            new NeighbourList(new int[] {1, 2, 3}, new float[] {0.9f, 0.6f, 0.52f}),
            new NeighbourList(new int[] {0, 3}, new float[] {0.9f, 0.4f}),
            new NeighbourList(new int[] {2, 0, 4}, new float[] {1f, 0.6f, 0.55f})};
        Set<Long> labelled = Set.of(PairQueue.key(0, 2));
        Selection selection = PairQueue.informative(rows, lists, (i, j) -> labelled.contains(PairQueue.key(i, j)), 0.5, 10);

        assertThat(selection.considered()).isEqualTo(8);
        assertThat(selection.candidates()).extracting(c -> c.i() + "-" + c.j())
                .containsExactly("0-3", "2-4", "1-3", "0-1");
        assertThat(selection.candidates()).allMatch(c -> c.reason() == PairQueue.Reason.NEAR_THRESHOLD);
        assertThat(PairQueue.informative(rows, lists, (i, j) -> false, 0.5, 2).candidates()).hasSize(2);
    }

    @Test
    void randomDrawsDistinctUnlabelledPairsTheSameForASeed() {
        Set<Long> labelled = new HashSet<>();
        for (int j = 1; j < 30; j++) labelled.add(PairQueue.key(0, j));
        PairQueue.Labelled has = (i, j) -> labelled.contains(PairQueue.key(i, j));
        Selection first = PairQueue.random(30, has, (i, j) -> i + j, 100, 7);
        Selection again = PairQueue.random(30, has, (i, j) -> i + j, 100, 7);
        Selection other = PairQueue.random(30, has, (i, j) -> i + j, 100, 8);

        assertThat(first.candidates()).hasSize(100).isEqualTo(again.candidates()).isNotEqualTo(other.candidates());
        assertPairsValid(first.candidates(), labelled);
        assertThat(first.candidates()).allMatch(c -> c.cosine() == c.i() + c.j() && c.reason() == PairQueue.Reason.RANDOM);
    }

    @Test
    void randomStopsAfterABoundedNumberOfDrawsWhenEveryPairIsLabelled() {
        Selection none = PairQueue.random(5, (i, j) -> true, (i, j) -> 0, 50, 1);
        assertThat(none.candidates()).isEmpty();
        assertThat(none.considered()).isEqualTo(50 * PairQueue.DRAWS_PER_PAIR);
        assertThat(PairQueue.random(1, (i, j) -> false, (i, j) -> 0, 5, 1).candidates()).isEmpty();
    }

    @Test
    void sampledRowsAreDistinctWithinRangeAndSeeded() {
        int[] rows = PairQueue.sampleRows(100_000, 500, 3);
        assertThat(rows).hasSize(500).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.stream(rows).allMatch(r -> r >= 0 && r < 100_000)).isTrue();
        assertThat(PairQueue.sampleRows(100_000, 500, 3)).isEqualTo(rows);
        assertThat(PairQueue.sampleRows(100_000, 500, 4)).isNotEqualTo(rows);
        assertThat(PairQueue.sampleRows(7, 500, 3)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    /**
     * 20,000 random unit vectors: the queue reads the neighbour lists of the sampled rows only, so the pairs it
     * looks at are samples·k of the 200 million, whatever N is; and the same seed gives the same queue.
     */
    @Test
    void atTwentyThousandRowsTheWorkIsTheSampledRowsTimesK() {
        int n = 20_000;
        int samples = 200;
        int k = 10;
        NormalizedRows x = randomUnitRows(n, 64, new Random(11));
        ExactNeighbours exact = new ExactNeighbours(product);
        Set<Long> labelled = new HashSet<>();
        int[] rows = PairQueue.sampleRows(n, samples, 42);
        NeighbourList[] lists = exact.ofRows(x, rows, k);
        for (int q = 0; q < 50; q++) {
            int b = lists[q].rows()[0];
            labelled.add(PairQueue.key(Math.min(rows[q], b), Math.max(rows[q], b)));
        }
        double threshold = lists[0].similarities()[k / 2];
        Selection selection = PairQueue.informative(rows, lists, (i, j) -> labelled.contains(PairQueue.key(i, j)),
                threshold, 50);

        assertThat(rows).hasSize(samples);
        assertThat(selection.considered()).isEqualTo(samples * k);
        assertThat(selection.candidates()).hasSize(50);
        assertPairsValid(selection.candidates(), labelled);
        List<Double> distances = new ArrayList<>();
        for (Candidate c : selection.candidates()) {
            distances.add(Math.abs(c.cosine() - threshold));
            assertThat(c.cosine()).isCloseTo(dot(x, c.i(), c.j()), org.assertj.core.api.Assertions.within(1e-4f));
        }
        assertThat(distances).isSorted();
        Selection again = PairQueue.informative(PairQueue.sampleRows(n, samples, 42),
                exact.ofRows(x, PairQueue.sampleRows(n, samples, 42), k),
                (i, j) -> labelled.contains(PairQueue.key(i, j)), threshold, 50);
        assertThat(again.candidates()).isEqualTo(selection.candidates());

        Selection random = PairQueue.random(n, (i, j) -> labelled.contains(PairQueue.key(i, j)), (i, j) -> dot(x, i, j), 500, 5);
        assertThat(random.candidates()).hasSize(500);
        assertThat(random.considered()).isLessThanOrEqualTo(500 * PairQueue.DRAWS_PER_PAIR);
        assertPairsValid(random.candidates(), labelled);
    }

    private static void assertPairsValid(List<Candidate> candidates, Set<Long> labelled) {
        Set<Long> seen = new HashSet<>();
        for (Candidate c : candidates) {
            assertThat(c.i()).as("i < j").isLessThan(c.j());
            assertThat(labelled).doesNotContain(PairQueue.key(c.i(), c.j()));
            assertThat(seen.add(PairQueue.key(c.i(), c.j()))).as("no repeat of %d-%d", c.i(), c.j()).isTrue();
        }
    }

    private static float dot(NormalizedRows x, int i, int j) {
        double sum = 0;
        for (int c = 0; c < x.d(); c++) sum += x.get(i, c) * x.get(j, c);
        return (float) sum;
    }

    private static NormalizedRows randomUnitRows(int n, int d, Random random) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) for (int c = 0; c < d; c++) row[c] = (float) random.nextGaussian();
        return CosineMatrix.normalize(rows);
    }
}
