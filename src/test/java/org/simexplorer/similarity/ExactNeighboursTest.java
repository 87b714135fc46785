package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Blocked exact search against a brute-force top-k: every pair scored, sorted, the first k kept. */
class ExactNeighboursTest {

    private static MatrixProduct ort;
    private static MatrixProduct plain;

    @BeforeAll
    static void start() {
        ort = new MatrixProduct(2, 0);
        plain = new MatrixProduct(1, Long.MAX_VALUE);
    }

    @AfterAll
    static void stop() {
        ort.close();
        plain.close();
    }

    /**
     * Small integer components make every dot product exact in float on any route, so ties are real ties and the
     * lists must match row for row: most similar first, and on equal similarity the lower row first.
     */
    @Test
    void everyRowsNeighboursEqualBruteForceWithTiesToTheLowerRow() {
        for (int n : new int[] {1, 2, 7, 300, 1100}) {
            NormalizedRows x = integerRows(n, 12, new Random(n));
            for (int k : new int[] {1, 10, n + 3}) {
                int[][] expected = new int[n][];
                for (int i = 0; i < n; i++) expected[i] = bruteForce(x, row(x, i), k, i);
                for (int block : new int[] {1, 5, 64, 1024}) {
                    if (n / block > 100) continue;
                    for (MatrixProduct product : new MatrixProduct[] {ort, plain}) {
                        NeighbourList[] all = new ExactNeighbours(product, block).ofAll(x, k);
                        for (int i = 0; i < n; i++) {
                            assertThat(all[i].rows()).as("n=%d block=%d k=%d row %d", n, block, k, i)
                                    .containsExactly(expected[i]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void chosenRowsAndAQueryVectorEqualBruteForce() {
        NormalizedRows x = integerRows(2000, 16, new Random(3));
        ExactNeighbours exact = new ExactNeighbours(ort, 256);
        int[] rows = {0, 1999, 17, 17, 1024};
        NeighbourList[] lists = exact.ofRows(x, rows, 25);
        for (int q = 0; q < rows.length; q++) {
            assertThat(lists[q].rows()).containsExactly(bruteForce(x, row(x, rows[q]), 25, rows[q]));
        }
        float[] query = row(x, 5);
        assertThat(exact.ofVector(x, query, 8).rows()).containsExactly(bruteForce(x, query, 8, -1));
        assertThat(exact.ofVector(x, query, 8).rows()[0]).isEqualTo(5);
    }

    @Test
    void gaussianRowsGetTheBruteForceSimilaritiesInOrder() {
        NormalizedRows x = CosineMatrix.normalize(gaussian(3000, 384, new Random(5)));
        NeighbourList[] lists = new ExactNeighbours(ort).ofRows(x, new int[] {0, 1234, 2999}, 50);
        for (NeighbourList list : lists) {
            for (int t = 1; t < list.size(); t++) {
                assertThat(list.similarities()[t]).isLessThanOrEqualTo(list.similarities()[t - 1]);
            }
        }
        int[] expected = bruteForce(x, row(x, 1234), 50, 1234);
        for (int t = 0; t < 50; t++) {
            assertThat(lists[1].similarities()[t]).isCloseTo(dot(x, 1234, expected[t]), within(1e-5f));
        }
    }

    private static int[] bruteForce(NormalizedRows x, float[] query, int k, int exclude) {
        double[] score = new double[x.n()];
        for (int j = 0; j < x.n(); j++) score[j] = dot(query, x, j);
        Integer[] all = IntStream.range(0, x.n()).filter(j -> j != exclude).boxed().toArray(Integer[]::new);
        Arrays.sort(all, Comparator.<Integer>comparingDouble(j -> -score[j]).thenComparingInt(j -> j));
        return Arrays.stream(all).limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static float dot(NormalizedRows x, int i, int j) {
        return (float) dot(row(x, i), x, j);
    }

    private static double dot(float[] query, NormalizedRows x, int j) {
        double sum = 0;
        for (int t = 0; t < x.d(); t++) sum += (double) query[t] * x.get(j, t);
        return sum;
    }

    private static float[] row(NormalizedRows x, int i) {
        float[] row = new float[x.d()];
        x.rows().get(i * x.d(), row);
        return row;
    }

    /** Rows of small integers, used as they are (not normalised): the search only needs dot products. */
    private static NormalizedRows integerRows(int n, int d, Random random) {
        FloatBuffer rows = MatrixProduct.allocate((long) n * d);
        for (int i = 0; i < n * d; i++) rows.put(i, random.nextInt(5) - 2);
        double[] norms = new double[n];
        Arrays.fill(norms, 1);
        return new NormalizedRows(rows, n, d, norms);
    }

    private static float[][] gaussian(int n, int d, Random random) {
        float[][] x = new float[n][d];
        for (float[] row : x) for (int t = 0; t < d; t++) row[t] = (float) random.nextGaussian();
        return x;
    }
}
