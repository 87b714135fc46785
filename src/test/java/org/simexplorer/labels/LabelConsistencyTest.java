package org.simexplorer.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.labels.LabelConsistency.Chain;
import org.simexplorer.labels.LabelConsistency.Edge;
import org.simexplorer.labels.LabelConsistency.Report;

class LabelConsistencyTest {

    private static Edge similar(int i, int j) {
        return new Edge(i, j, 1);
    }

    private static Edge dissimilar(int i, int j) {
        return new Edge(i, j, -1);
    }

    @Test
    void aDissimilarLabelInsideASimilarChainIsAConflictWithItsChain() {
        // A~B, B~C, A≁C
        Report report = LabelConsistency.check(3, List.of(similar(0, 1), similar(1, 2), dissimilar(0, 2)), 200);
        assertThat(report.conflicts()).containsExactly(new Chain(0, 2, List.of(0, 1, 2)));
        assertThat(report.implied()).isEmpty();
    }

    @Test
    void withoutTheDissimilarLabelTheClosingPairIsImplied() {
        Report report = LabelConsistency.check(4, List.of(similar(1, 0), similar(2, 1)), 200);
        assertThat(report.conflicts()).isEmpty();
        assertThat(report.implied()).containsExactly(new Chain(0, 2, List.of(0, 1, 2)));
    }

    @Test
    void dissimilarLabelsAcrossComponentsAreNoConflict() {
        Report report = LabelConsistency.check(5, List.of(similar(0, 1), similar(2, 3), dissimilar(1, 2),
                dissimilar(4, 0)), 200);
        assertThat(report.conflicts()).isEmpty();
    }

    @Test
    void theConflictPathIsTheShortestOfSeveralChains() {
        // long way 0-1-2-3-4-5, short way 0-6-5; conflict 5≁0 (given reversed)
        List<Edge> labels = List.of(similar(0, 1), similar(1, 2), similar(2, 3), similar(3, 4), similar(4, 5),
                similar(0, 6), similar(6, 5), dissimilar(5, 0));
        Report report = LabelConsistency.check(7, labels, 200);
        assertThat(report.conflicts()).containsExactly(new Chain(0, 5, List.of(0, 6, 5)));
        // implied pairs come shortest first: every pair at distance 2 before any at distance 3
        List<Integer> lengths = report.implied().stream().map(c -> c.path().size()).toList();
        assertThat(lengths).isSorted();
        assertThat(report.implied().get(0).path()).hasSize(3);
        assertThat(report.implied()).noneMatch(c -> c.i() == 0 && c.j() == 5);
        assertThat(report.implied()).allSatisfy(c -> {
            assertThat(c.path().get(0)).isEqualTo(c.i());
            assertThat(c.path().get(c.path().size() - 1)).isEqualTo(c.j());
        });
    }

    @Test
    void impliedPairsAreCappedKeepingTheShortestChainsThenTheSmallestIndices() {
        // a chain of 30: 28 pairs at distance 2, 27 at 3, ... 435 - 29 = 406 unlabelled pairs in all
        List<Edge> chain = new ArrayList<>();
        for (int k = 0; k + 1 < 30; k++) {
            chain.add(similar(k, k + 1));
        }
        Report all = LabelConsistency.check(30, chain, 1000);
        assertThat(all.implied()).hasSize(406);

        Report capped = LabelConsistency.check(30, chain, 200);
        assertThat(capped.implied()).hasSize(200).isEqualTo(all.implied().subList(0, 200));
        // 28 + 27 + ... + 21 = 196 pairs at distances 2..9, then the four smallest (i, j) at distance 10
        assertThat(capped.implied().get(199)).isEqualTo(new Chain(3, 13, List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)));
        assertThat(capped.implied().get(0)).isEqualTo(new Chain(0, 2, List.of(0, 1, 2)));
    }

    @Test
    void aStarImpliesEveryPairOfItsLeaves() {
        List<Edge> star = new ArrayList<>();
        for (int leaf = 1; leaf <= 25; leaf++) {
            star.add(similar(0, leaf));
        }
        Report report = LabelConsistency.check(26, star, 200);
        assertThat(report.implied()).hasSize(200);
        assertThat(report.implied().get(0)).isEqualTo(new Chain(1, 2, List.of(1, 0, 2)));
        assertThat(report.implied()).allMatch(c -> c.path().size() == 3 && c.path().get(1) == 0);
    }

    @Test
    void labelledPairsAreNeverImplied() {
        Report report = LabelConsistency.check(4, List.of(similar(0, 1), similar(1, 2), similar(2, 3),
                dissimilar(0, 2), similar(1, 3)), 200);
        assertThat(report.implied()).extracting(c -> c.i() + "," + c.j()).containsExactly("0,3");
        assertThat(report.implied().get(0).path()).containsExactly(0, 1, 3);
        assertThat(report.conflicts()).containsExactly(new Chain(0, 2, List.of(0, 1, 2)));
    }

    @Test
    void anIndexOutsideTheDatasetIsRefused() {
        assertThatThrownBy(() -> LabelConsistency.check(3, List.of(similar(0, 3)), 200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }
}
