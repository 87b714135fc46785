package org.simexplorer.loss;

/**
 * The labelled pairs seen from each row: for row i, the entries {@code start[i]..start[i+1]} list the pairs
 * that touch i and the row at their other end. Built in O(rows + P) by counting, with no rows × rows array.
 */
final class PairIncidence {

    final int[] start;
    final int[] pair;
    final int[] partner;

    private PairIncidence(int[] start, int[] pair, int[] partner) {
        this.start = start;
        this.pair = pair;
        this.partner = partner;
    }

    static PairIncidence of(LabelledPairs pairs) {
        int rows = pairs.rows();
        int[] first = pairs.first();
        int[] second = pairs.second();
        int[] start = new int[rows + 1];
        for (int p = 0; p < pairs.size(); p++) {
            start[first[p] + 1]++;
            start[second[p] + 1]++;
        }
        for (int i = 0; i < rows; i++) start[i + 1] += start[i];
        int[] next = java.util.Arrays.copyOf(start, rows);
        int[] pair = new int[2 * pairs.size()];
        int[] partner = new int[2 * pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            int a = next[first[p]]++;
            pair[a] = p;
            partner[a] = second[p];
            int b = next[second[p]]++;
            pair[b] = p;
            partner[b] = first[p];
        }
        return new PairIncidence(start, pair, partner);
    }

    int rows() {
        return start.length - 1;
    }

    int degree(int row) {
        return start[row + 1] - start[row];
    }
}
