package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.cli.PlantedClusters;

/** The union of two models' neighbour lists: equal to brute force at small N, bounded by sample·k·2 at large N. */
class NeighbourPairsTest {

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
    void theUnionIsEveryPairEitherModelPutsInARowsTopKOnceEach() {
        NormalizedRows a = PlantedClusters.rows(300, 16, 6, 1.0, 1);
        NormalizedRows b = PlantedClusters.rows(300, 16, 6, 1.0, 2);
        int[] rows = PairQueue.sampleRows(300, 120, 0);
        ExactNeighbours exact = new ExactNeighbours(product);
        NeighbourPairs union = NeighbourPairs.union(rows, exact.ofRows(a, rows, 5), exact.ofRows(b, rows, 5));
        Set<List<Integer>> expected = new TreeSet<>((p, q) -> p.get(0).equals(q.get(0))
                ? Integer.compare(p.get(1), q.get(1)) : Integer.compare(p.get(0), q.get(0)));
        for (int row : rows) {
            for (NormalizedRows x : List.of(a, b)) {
                for (int other : bruteTopK(x, row, 5)) expected.add(List.of(Math.min(row, other), Math.max(row, other)));
            }
        }
        List<List<Integer>> got = new ArrayList<>();
        for (int t = 0; t < union.pairs().size(); t++) got.add(List.of(union.pairs().first()[t], union.pairs().second()[t]));
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(union.considered()).isEqualTo(120L * 5 * 2);
    }

    @Test
    void atTwentyThousandRowsTheWorkIsTheSampleTimesKTimesTwoNotNSquared() {
        int n = 20_000;
        NormalizedRows a = PlantedClusters.rows(n, 32, 200, 1.0, 3);
        NormalizedRows b = PlantedClusters.rows(n, 32, 200, 1.2, 4);
        int[] rows = PairQueue.sampleRows(n, 2_000, 0);
        ExactNeighbours exact = new ExactNeighbours(product);
        NeighbourPairs union = NeighbourPairs.union(rows, exact.ofRows(a, rows, 10), exact.ofRows(b, rows, 10));
        assertThat(union.considered()).isEqualTo(2_000L * 10 * 2).isLessThan((long) n * n / 1_000);
        assertThat(union.pairs().size()).isPositive().isLessThanOrEqualTo(40_000);
        for (int t = 0; t < union.pairs().size(); t++) {
            assertThat(union.pairs().first()[t]).isLessThan(union.pairs().second()[t]);
        }
    }

    private static int[] bruteTopK(NormalizedRows x, int row, int k) {
        return java.util.stream.IntStream.range(0, x.n()).filter(r -> r != row).boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer r) -> -dot(x, row, r)).thenComparingInt(r -> r))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static double dot(NormalizedRows x, int a, int b) {
        double sum = 0;
        for (int c = 0; c < x.d(); c++) sum += (double) x.get(a, c) * x.get(b, c);
        return sum;
    }
}
