package org.simexplorer.similarity;

import java.util.Arrays;

/**
 * The distinct unordered pairs (row, neighbour) found in one or more sets of neighbour lists of the same rows, for
 * example each sentence's top-k under two models: the pairs either model calls near, without enumerating all pairs.
 *
 * @param pairs      the distinct pairs i &lt; j, ordered by i then j
 * @param considered how many (row, neighbour) entries were read: the work done, and the bound on the pairs
 */
public record NeighbourPairs(PairSample pairs, long considered) {

    /**
     * @param rows  the query rows; {@code lists[m][q]} are the neighbours of {@code rows[q]} under set m
     * @param lists one array of neighbour lists per set, each as long as {@code rows}
     */
    public static NeighbourPairs union(int[] rows, NeighbourList[]... lists) {
        long considered = 0;
        for (NeighbourList[] set : lists) {
            if (set.length != rows.length) throw new IllegalArgumentException(set.length + " lists for " + rows.length + " rows");
            for (NeighbourList list : set) considered += list.size();
        }
        long[] keys = new long[Math.toIntExact(considered)];
        int size = 0;
        for (NeighbourList[] set : lists) {
            for (int q = 0; q < rows.length; q++) {
                for (int neighbour : set[q].rows()) {
                    int a = rows[q];
                    if (a == neighbour) continue;
                    keys[size++] = ((long) Math.min(a, neighbour) << 32) | Math.max(a, neighbour);
                }
            }
        }
        Arrays.sort(keys, 0, size);
        int distinct = 0;
        for (int t = 0; t < size; t++) {
            if (distinct == 0 || keys[t] != keys[distinct - 1]) keys[distinct++] = keys[t];
        }
        int[] first = new int[distinct];
        int[] second = new int[distinct];
        for (int t = 0; t < distinct; t++) {
            first[t] = (int) (keys[t] >>> 32);
            second[t] = (int) keys[t];
        }
        return new NeighbourPairs(new PairSample(first, second), considered);
    }
}
