package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runs and slots found from the pairs' order (by their ends when the pairs are in (i, j) order, pair by pair
 * when not) equal what a plain walk over every pair finds, for targets from full rows down to scattered pairs.
 */
class PairRunsTest {

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.9, 0.5, 0.05})
    void runsAndSlotsMatchAWalkOverEveryPairInOrderAndShuffled(double share) {
        Random random = new Random(Double.hashCode(share));
        int n = 300;
        List<LabelledPair> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 7 == 3) continue; // rows no pair starts from
            for (int j = i + 1; j < n; j++) {
                if (random.nextDouble() < share) list.add(new LabelledPair(i, j, random.nextBoolean() ? 1 : -1));
            }
        }
        LabelledPairs ordered = LabelledPairs.of(n, list);
        assertThat(ordered.ordered()).isTrue();
        assertMatchesAWalk(ordered);

        List<Integer> shuffled = new ArrayList<>();
        for (int p = 0; p < ordered.size(); p++) shuffled.add(p);
        Collections.shuffle(shuffled, random);
        // Shuffled in part: runs broken at random places, some kept whole.
        int[] first = ordered.first().clone();
        int[] second = ordered.second().clone();
        byte[] labels = ordered.labels().clone();
        for (int k = 0; k + 1 < shuffled.size(); k += 97) {
            int a = shuffled.get(k);
            int b = shuffled.get(k + 1);
            swap(first, a, b);
            swap(second, a, b);
            byte t = labels[a];
            labels[a] = labels[b];
            labels[b] = t;
        }
        LabelledPairs unordered = new LabelledPairs(n, first, second, labels);
        assertThat(unordered.ordered()).isEqualTo(ordered.size() < 2);
        assertMatchesAWalk(unordered);
    }

    private static void assertMatchesAWalk(LabelledPairs pairs) {
        List<Integer> starts = new ArrayList<>();
        for (int p = 0; p < pairs.size(); p++) {
            boolean continues = p > 0 && pairs.first()[p] == pairs.first()[p - 1]
                    && pairs.second()[p] == pairs.second()[p - 1] + 1;
            if (!continues) starts.add(p);
        }
        starts.add(pairs.size());
        PairRuns runs = PairRuns.of(pairs);
        // The runs may be cut more finely than the walk's, never less: every start of the walk is a start.
        List<Integer> found = new ArrayList<>();
        for (int start : runs.starts()) found.add(start);
        assertThat(found).containsAll(starts);
        for (int r = 0; r + 1 < runs.starts().length; r++) {
            for (int p = runs.starts()[r] + 1; p < runs.starts()[r + 1]; p++) {
                assertThat(pairs.first()[p]).isEqualTo(pairs.first()[p - 1]);
                assertThat(pairs.second()[p]).isEqualTo(pairs.second()[p - 1] + 1);
            }
        }
        if (pairs.ordered()) assertThat(found).isEqualTo(starts);

        boolean[] touched = new boolean[pairs.rows()];
        for (int p = 0; p < pairs.size(); p++) {
            touched[pairs.first()[p]] = true;
            touched[pairs.second()[p]] = true;
        }
        int[] expected = new int[pairs.rows()];
        for (int i = 0, k = 0; i < expected.length; i++) expected[i] = touched[i] ? k++ : -1;
        assertThat(runs.slot()).isEqualTo(expected);
    }

    private static void swap(int[] a, int x, int y) {
        int t = a[x];
        a[x] = a[y];
        a[y] = t;
    }
}
