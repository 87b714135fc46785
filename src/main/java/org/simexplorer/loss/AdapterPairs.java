package org.simexplorer.loss;

/**
 * Labelled pairs made ready for {@link AdapterLossEvaluator}: the m rows they touch gathered (m × D, and its
 * transpose for ∂L/∂W), and the pairs renumbered over those rows. Prepared once, it serves every step of a
 * training on the same pairs.
 *
 * @param rows       n, the number of embeddings
 * @param touched    the original index of each gathered row, ascending
 * @param pairs      the pairs over the m gathered rows
 * @param gathered   m × D row-major
 * @param gatheredTransposed D × m row-major
 */
public record AdapterPairs(int rows, int dimension, int[] touched, LabelledPairs pairs, float[] gathered,
                           float[] gatheredTransposed) {

    static AdapterPairs of(float[][] embeddings, LabelledPairs pairs) {
        int n = embeddings.length;
        if (pairs.rows() != n) {
            throw new IllegalArgumentException("the pairs are over " + pairs.rows() + " rows, the embeddings have " + n);
        }
        int d = n == 0 ? 0 : embeddings[0].length;
        int[] slot = pairs.slots();
        int[] touched = LabelledPairs.touched(slot);
        int m = touched.length;
        float[] gathered = new float[Math.multiplyExact(m, d)];
        for (int k = 0; k < m; k++) {
            int i = touched[k];
            if (embeddings[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + embeddings[i].length + " values, row 0 has " + d);
            }
            System.arraycopy(embeddings[i], 0, gathered, k * d, d);
        }
        int[] first = new int[pairs.size()];
        int[] second = new int[pairs.size()];
        // Renumbering keeps the order of rows, so first < second still holds and the order of pairs is kept.
        for (int p = 0; p < pairs.size(); p++) {
            first[p] = slot[pairs.first()[p]];
            second[p] = slot[pairs.second()[p]];
        }
        LabelledPairs renumbered = new LabelledPairs(m, first, second, pairs.labels());
        return new AdapterPairs(n, d, touched, renumbered, gathered, AdapterLossEvaluator.transpose(gathered, m, d));
    }
}
