package org.simexplorer.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Where two scorings of the same items disagree most in rank. */
public final class RankDisagreement {

    private RankDisagreement() {
    }

    /**
     * @param item           the index of the item in the scored list
     * @param rankDifference its 1-based ascending rank under the second scoring minus that under the first
     *                       (average ranks for ties): positive when the second scoring puts the item higher
     */
    public record Item(int item, double rankDifference) {
    }

    /**
     * The {@code limit} items with the largest |rank difference|, largest first; on equal differences the
     * earlier item comes first.
     */
    public static List<Item> top(double[] firstRanks, double[] secondRanks, int limit) {
        if (firstRanks.length != secondRanks.length) {
            throw new IllegalArgumentException(firstRanks.length + " ranks against " + secondRanks.length);
        }
        Comparator<Item> weakestFirst = Comparator.comparingDouble((Item it) -> Math.abs(it.rankDifference()))
                .thenComparing(Comparator.comparingInt(Item::item).reversed());
        PriorityQueue<Item> kept = new PriorityQueue<>(weakestFirst);
        for (int k = 0; k < firstRanks.length && limit > 0; k++) {
            Item candidate = new Item(k, secondRanks[k] - firstRanks[k]);
            if (kept.size() < limit) {
                kept.add(candidate);
            } else if (weakestFirst.compare(candidate, kept.peek()) > 0) {
                kept.poll();
                kept.add(candidate);
            }
        }
        List<Item> result = new ArrayList<>(kept);
        result.sort(weakestFirst.reversed());
        return result;
    }
}
