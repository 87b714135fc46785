package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.cli.PlantedClusters;

class KMeansOrderTest {

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
    void theOrderIsAPermutationAndTheSameForTheSameSeed() {
        NormalizedRows x = PlantedClusters.rows(3_000, 64, 40, 2.0, 8);
        KMeansOrder kmeans = new KMeansOrder(product);
        KMeansOrder.Clusters first = kmeans.cluster(x, 30, 5);
        assertThat(first.order()).containsExactlyInAnyOrder(IntStream.range(0, 3_000).toArray());
        assertThat(kmeans.cluster(x, 30, 5).order()).containsExactly(first.order());
        assertThat(kmeans.cluster(x, 30, 5).cluster()).containsExactly(first.cluster());
        assertThat(kmeans.cluster(x, 30, 6).order()).isNotEqualTo(first.order());
    }

    @Test
    void wellSeparatedClustersEachSitTogetherInTheOrder() {
        int clusters = 12;
        NormalizedRows x = PlantedClusters.rows(2_400, 48, clusters, 0.3, 3);
        KMeansOrder.Clusters result = new KMeansOrder(product).cluster(x, clusters, 1);
        int[] order = result.order();
        // Planted cluster of row i is i mod clusters: along the order, each planted cluster is one run.
        Set<Integer> finished = new HashSet<>();
        int current = order[0] % clusters;
        for (int p = 1; p < order.length; p++) {
            int planted = order[p] % clusters;
            if (planted != current) {
                assertThat(finished.add(current)).as("planted cluster %d comes back at %d", current, p).isTrue();
                current = planted;
            }
            assertThat(finished).doesNotContain(planted);
        }
        // The found clusters are the planted ones, numbered along the order.
        for (int i = 0; i < x.n(); i++) {
            assertThat(result.cluster()[i]).isEqualTo(result.cluster()[i % clusters]);
        }
        int[] seen = Arrays.stream(order).map(i -> result.cluster()[i]).distinct().toArray();
        assertThat(seen).containsExactly(IntStream.range(0, clusters).toArray());
    }

    @Test
    void cuttingTheCentroidTreeMergesWholeClustersIntoContiguousGroups() {
        NormalizedRows x = PlantedClusters.rows(1_000, 32, 10, 0.5, 4);
        KMeansOrder.Clusters result = new KMeansOrder(product).cluster(x, 10, 2);
        int[] groups = result.cut(3);
        assertThat(Arrays.stream(groups).distinct().count()).isEqualTo(3);
        int changes = 0;
        for (int p = 1; p < result.order().length; p++) {
            if (groups[result.order()[p]] != groups[result.order()[p - 1]]) changes++;
        }
        assertThat(changes).isEqualTo(2);
        for (int i = 0; i < x.n(); i++) assertThat(groups[i]).isEqualTo(groups[i % 10]);
    }

    @Test
    void tinyInputsStillGiveAPermutation() {
        for (int n : new int[] {1, 2, 3}) {
            NormalizedRows x = PlantedClusters.rows(n, 8, 1, 1.0, n);
            KMeansOrder.Clusters result = new KMeansOrder(product).cluster(x, KMeansOrder.clustersFor(n), 0);
            assertThat(result.order()).containsExactlyInAnyOrder(IntStream.range(0, n).toArray());
        }
    }
}
