package org.simexplorer.evaluation;

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

    /** Pairs (2k, 2k+1): no sentence in two pairs, as in a paraphrase corpus. */
    private static List<LabelledPair> disjoint(int count) {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int k = 0; k < count; k++) pairs.add(new LabelledPair(2 * k, 2 * k + 1, k % 3 == 0 ? -1 : 1));
        return pairs;
    }

    private static Set<Integer> sentences(List<LabelledPair> pairs) {
        Set<Integer> all = new HashSet<>();
        pairs.forEach(p -> {
            all.add(p.i());
            all.add(p.j());
        });
        return all;
    }

    @Test
    void disjointPairsSplitExactlyAtTheFractionWithNoneLeftOut() {
        PairSplit split = PairSplit.of(disjoint(100), 0.2, 0);
        assertThat(split.validation()).hasSize(20);
        assertThat(split.train()).hasSize(80);
        assertThat(split.leftOut()).isEmpty();
        assertThat(sentences(split.train())).doesNotContainAnyElementsOf(sentences(split.validation()));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<LabelledPair> pairs = disjoint(50);
        assertThat(PairSplit.of(pairs, 0.2, 3)).isEqualTo(PairSplit.of(pairs, 0.2, 3));
        assertThat(PairSplit.of(pairs, 0.2, 4).validation()).isNotEqualTo(PairSplit.of(pairs, 0.2, 3).validation());
        // The input order does not matter: pairs are sorted before the shuffle.
        List<LabelledPair> reversed = new ArrayList<>(pairs);
        java.util.Collections.reverse(reversed);
        assertThat(PairSplit.of(reversed, 0.2, 3)).isEqualTo(PairSplit.of(pairs, 0.2, 3));
    }

    @Test
    void sharedSentencesNeverCrossAndEveryPairLandsOnce() {
        Random random = new Random(5);
        List<LabelledPair> pairs = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (pairs.size() < 300) {
            int i = random.nextInt(120);
            int j = random.nextInt(120);
            if (i == j || !seen.add((long) Math.min(i, j) * 1000 + Math.max(i, j))) continue;
            pairs.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
        }
        PairSplit split = PairSplit.of(pairs, 0.25, 0);
        assertThat(split.train().size() + split.validation().size() + split.leftOut().size()).isEqualTo(300);
        assertThat(split.validation().size()).isGreaterThanOrEqualTo(75);
        Set<Integer> validationSentences = sentences(split.validation());
        assertThat(sentences(split.train())).doesNotContainAnyElementsOf(validationSentences);
        for (LabelledPair across : split.leftOut()) {
            assertThat(validationSentences.contains(across.i()) ^ validationSentences.contains(across.j())).isTrue();
        }
    }

    @Test
    void noValidationAtFractionZeroAndBadFractionsAreRejected() {
        PairSplit split = PairSplit.of(disjoint(10), 0, 0);
        assertThat(split.train()).hasSize(10);
        assertThat(split.validation()).isEmpty();
        assertThat(PairSplit.of(List.of(), 0.2, 0).train()).isEmpty();
        assertThatThrownBy(() -> PairSplit.of(disjoint(3), 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PairSplit.of(disjoint(3), Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
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

    @Test
    void countsAddUpToTheLabelledPairs() {
        PairSplit split = PairSplit.of(disjoint(100), 0.25, 3);
        assertThat(split.counts()).isEqualTo(new PairSplit.Counts(75, 25, 0));
    }
}
