package org.simexplorer.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.simexplorer.loss.LabelledPair;

/**
 * The labelled pairs a training was started on, in their order then: the data of its scheduled execution, so an
 * instance that takes the training over splits exactly these pairs, whatever the labels are now.
 */
record TrainingPairs(int[] first, int[] second, byte[] labels) implements Serializable {

    static TrainingPairs of(List<LabelledPair> pairs) {
        int[] first = new int[pairs.size()];
        int[] second = new int[pairs.size()];
        byte[] labels = new byte[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            first[k] = pairs.get(k).i();
            second[k] = pairs.get(k).j();
            labels[k] = (byte) pairs.get(k).label();
        }
        return new TrainingPairs(first, second, labels);
    }

    List<LabelledPair> list() {
        List<LabelledPair> pairs = new ArrayList<>(labels.length);
        for (int k = 0; k < labels.length; k++) pairs.add(new LabelledPair(first[k], second[k], labels[k]));
        return pairs;
    }
}
