package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.cli.PlantedClusters;

/** The map's layout input against brute force: the sample graph and each other row's nearest sample rows. */
class MapSampleTest {

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
    void theSampleGraphAndThePlacementNeighboursEqualBruteForceOverTheSample() {
        NormalizedRows x = PlantedClusters.rows(1_500, 24, 15, 1.0, 3);
        MapSample s = MapSample.of(x, 200, 6, 4, 0, new ExactNeighbours(product, 128));
        assertThat(s.sample()).hasSize(200).isSorted().doesNotHaveDuplicates();
        assertThat(s.k()).isEqualTo(6);
        assertThat(s.place()).isEqualTo(4);
        int[] rest = s.rest();
        assertThat(rest).hasSize(1_300).isSorted();
        assertThat(IntStream.concat(Arrays.stream(s.sample()), Arrays.stream(rest)).sorted().toArray())
                .isEqualTo(IntStream.range(0, 1_500).toArray());
        for (int q = 0; q < 200; q++) {
            int[] expected = bruteForce(x, s.sample(), s.sample()[q], q, 6);
            for (int t = 0; t < 6; t++) {
                int got = s.sampleNeighbours()[q * 6 + t];
                assertThat(s.sampleCosines()[q * 6 + t]).isCloseTo(dot(x, s.sample()[q], s.sample()[got]), within(1e-4f));
                // float rounding may swap near-ties, so compare cosines where the rows differ
                if (got != expected[t]) {
                    assertThat(dot(x, s.sample()[q], s.sample()[got]))
                            .isCloseTo(dot(x, s.sample()[q], s.sample()[expected[t]]), within(1e-5f));
                }
            }
        }
        for (int r = 0; r < rest.length; r++) {
            int[] expected = bruteForce(x, s.sample(), rest[r], -1, 4);
            for (int t = 0; t < 4; t++) {
                int got = s.restNeighbours()[r * 4 + t];
                assertThat(s.restCosines()[r * 4 + t]).isCloseTo(dot(x, rest[r], s.sample()[got]), within(1e-4f));
                if (got != expected[t]) {
                    assertThat(dot(x, rest[r], s.sample()[got]))
                            .isCloseTo(dot(x, rest[r], s.sample()[expected[t]]), within(1e-5f));
                }
            }
        }
    }

    @Test
    void atMostTheSampleSizeEveryRowIsSampledAndNothingIsLeftToPlace() {
        NormalizedRows x = PlantedClusters.rows(40, 8, 4, 1.0, 1);
        MapSample s = MapSample.of(x, 5_000, 50, 5, 0, new ExactNeighbours(product));
        assertThat(s.sample()).isEqualTo(IntStream.range(0, 40).toArray());
        assertThat(s.k()).isEqualTo(39);
        assertThat(s.sampleNeighbours()).hasSize(40 * 39);
        assertThat(s.rest()).isEmpty();
        assertThat(s.restNeighbours()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        NormalizedRows x = PlantedClusters.rows(3_000, 8, 10, 1.0, 2);
        ExactNeighbours exact = new ExactNeighbours(product);
        MapSample a = MapSample.of(x, 100, 5, 3, 0, exact);
        MapSample b = MapSample.of(x, 100, 5, 3, 0, exact);
        assertThat(b.sample()).isEqualTo(a.sample());
        assertThat(b.restNeighbours()).isEqualTo(a.restNeighbours());
        assertThat(MapSample.of(x, 100, 5, 3, 1, exact).sample()).isNotEqualTo(a.sample());
    }

    /** The k nearest sample rows of row {@code row} as positions in the sample, every pair scored and sorted. */
    private static int[] bruteForce(NormalizedRows x, int[] sample, int row, int ownPosition, int k) {
        return IntStream.range(0, sample.length).filter(p -> p != ownPosition).boxed()
                .sorted(Comparator.comparingDouble((Integer p) -> -dot(x, row, sample[p])).thenComparingInt(p -> p))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static float dot(NormalizedRows x, int a, int b) {
        double sum = 0;
        for (int c = 0; c < x.d(); c++) sum += (double) x.get(a, c) * x.get(b, c);
        return (float) sum;
    }
}
