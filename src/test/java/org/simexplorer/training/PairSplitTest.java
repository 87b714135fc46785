package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.loss.LabelledPair;

class PairSplitTest {

    /** Pairs over 60 sentences that share sentences, as a user's clicks on a heatmap do. */
    private static List<LabelledPair> overlappingPairs(int count, long seed) {
        Random random = new Random(seed);
        Set<Long> seen = new HashSet<>();
        List<LabelledPair> pairs = new ArrayList<>();
        while (pairs.size() < count) {
            int i = random.nextInt(60);
            int j = random.nextInt(60);
            if (i >= j || !seen.add((long) i << 32 | j)) continue;
            pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
        }
        return pairs;
    }

    @Test
    void noSentenceIsOnBothSidesAndTheCountsAddUp() {
        List<LabelledPair> pairs = overlappingPairs(300, 1);
        PairSplit split = PairSplit.of(pairs, 0.2, 7);
        Set<Integer> train = new HashSet<>();
        split.training().forEach(p -> { train.add(p.i()); train.add(p.j()); });
        Set<Integer> validation = new HashSet<>();
        split.validation().forEach(p -> { validation.add(p.i()); validation.add(p.j()); });
        assertThat(train).doesNotContainAnyElementsOf(validation);
        assertThat(split.training().size() + split.validation().size() + split.leftOut()).isEqualTo(300);
        assertThat(split.validation().size()).isGreaterThanOrEqualTo(60);
        assertThat(split.leftOut()).isPositive();
    }

    @Test
    void disjointPairsLeaveNothingOutAndReachTheFractionExactly() {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int k = 0; k < 100; k++) pairs.add(new LabelledPair(2 * k, 2 * k + 1, k % 2 == 0 ? 1 : -1));
        PairSplit split = PairSplit.of(pairs, 0.25, 3);
        assertThat(split.counts()).isEqualTo(new PairSplit.Counts(75, 25, 0));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<LabelledPair> pairs = overlappingPairs(200, 2);
        assertThat(PairSplit.of(pairs, 0.2, 5)).isEqualTo(PairSplit.of(pairs, 0.2, 5));
        assertThat(PairSplit.of(pairs, 0.2, 5).validation()).isNotEqualTo(PairSplit.of(pairs, 0.2, 6).validation());
    }

    @Test
    void aSideWithoutNegativesIsRefusedNamingWhatIsMissing() {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int k = 0; k < 10; k++) pairs.add(new LabelledPair(2 * k, 2 * k + 1, 1));
        pairs.add(new LabelledPair(40, 41, -1));
        assertThatThrownBy(() -> PairSplit.of(pairs, 0.2, 0).requireBothClasses())
                .isInstanceOf(UndefinedException.class)
                .hasMessageContaining("no negative (dissimilar) pair");
        assertThatThrownBy(() -> PairSplit.of(List.of(), 0.2, 0).requireBothClasses())
                .hasMessageContaining("training side has no pairs");
    }
}
