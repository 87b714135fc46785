package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simexplorer.cli.PlantedClusters;

/** The HNSW index's recall@10 against the exact search, on clustered vectors like real embeddings. */
class HnswIndexTest {

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
    void recallAtTenIsAtLeastNinetyFivePercentOnTwentyThousandClusteredRowsBuiltByTwoWorkers() {
        NormalizedRows x = PlantedClusters.rows(20_000, 96, 200, 1.0, 19);
        HnswIndex index = HnswIndex.build(x, 42, 2, HnswIndex.DEFAULT_SEARCH_BEAM);
        int[] queries = new Random(7).ints(300, 0, x.n()).toArray();
        NeighbourList[] exact = new ExactNeighbours(product).ofRows(x, queries, 10);
        int found = 0;
        for (int q = 0; q < queries.length; q++) {
            NeighbourList approximate = index.ofRow(queries[q], 10);
            assertThat(approximate.rows()).hasSize(10).doesNotContain(queries[q]);
            for (int row : approximate.rows()) {
                for (int truth : exact[q].rows()) if (row == truth) found++;
            }
        }
        double recall = found / (10.0 * queries.length);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aQueryVectorFindsItsOwnRowFirstAndScoresAreCosines() {
        NormalizedRows x = PlantedClusters.rows(2_000, 32, 20, 0.8, 3);
        HnswIndex index = HnswIndex.build(x, 1);
        float[] query = new float[x.d()];
        x.rows().get(77 * x.d(), query);
        NeighbourList list = index.ofVector(query, 5);
        assertThat(list.rows()[0]).isEqualTo(77);
        assertThat(list.similarities()[0]).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
        NeighbourList exact = new ExactNeighbours(product).ofVector(x, query, 5);
        assertThat(list.rows()).containsExactly(exact.rows());
    }

    @Test
    void oneWorkerAndTwoFindTheSameNeighboursOnWellSeparatedRows() {
        NormalizedRows x = PlantedClusters.rows(4_000, 32, 40, 0.8, 11);
        HnswIndex single = HnswIndex.build(x, 3);
        HnswIndex concurrent = HnswIndex.build(x, 3, 2, HnswIndex.DEFAULT_SEARCH_BEAM);
        NeighbourList[] exact = new ExactNeighbours(product).ofRows(x, new int[] {0, 1234, 3999}, 10);
        int[] rows = {0, 1234, 3999};
        for (int q = 0; q < rows.length; q++) {
            assertThat(concurrent.ofRow(rows[q], 10).rows()).containsExactly(exact[q].rows());
            assertThat(single.ofRow(rows[q], 10).rows()).containsExactly(exact[q].rows());
        }
        assertThat(concurrent.size()).isEqualTo(4_000);
    }

    @Test
    void sameRowsAndSeedGiveTheSameNeighbours() {
        NormalizedRows x = PlantedClusters.rows(3_000, 32, 30, 1.0, 5);
        HnswIndex first = HnswIndex.build(x, 9);
        HnswIndex second = HnswIndex.build(x, 9);
        for (int row : new int[] {0, 1500, 2999}) {
            assertThat(second.ofRow(row, 10).rows()).containsExactly(first.ofRow(row, 10).rows());
        }
    }
}
