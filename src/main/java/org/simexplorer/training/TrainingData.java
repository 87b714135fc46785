package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LabelledPairs;

/**
 * What one training reads: the rows of the sentences on each side, with the pairs renumbered into them, and all
 * of the dataset's rows (for the mean norm). Only the sentences in pairs are multiplied by W during a step.
 */
record TrainingData(float[][] trainRows, LabelledPairs trainPairs, float[][] validationRows,
        LabelledPairs validationPairs, float[][] allRows) {

    static TrainingData of(float[][] embeddings, PairSplit split) {
        Side train = side(embeddings, split.train());
        Side validation = side(embeddings, split.validation());
        return new TrainingData(train.rows, train.pairs, validation.rows, validation.pairs, embeddings);
    }

    int dimension() {
        return allRows.length == 0 ? trainRows[0].length : allRows[0].length;
    }

    private record Side(float[][] rows, LabelledPairs pairs) {
    }

    private static Side side(float[][] embeddings, List<LabelledPair> pairs) {
        Map<Integer, Integer> rowOf = new HashMap<>();
        List<float[]> rows = new ArrayList<>();
        List<LabelledPair> renumbered = new ArrayList<>(pairs.size());
        for (LabelledPair pair : pairs) {
            int i = rowOf.computeIfAbsent(pair.i(), sentence -> {
                rows.add(embeddings[sentence]);
                return rows.size() - 1;
            });
            int j = rowOf.computeIfAbsent(pair.j(), sentence -> {
                rows.add(embeddings[sentence]);
                return rows.size() - 1;
            });
            renumbered.add(new LabelledPair(i, j, pair.label()));
        }
        return new Side(rows.toArray(float[][]::new), LabelledPairs.of(rows.size(), renumbered));
    }
}
