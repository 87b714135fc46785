package org.simexplorer.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.simexplorer.loss.LabelledPairs;

/**
 * The training pairs a step reads above {@link TrainingPlan#FULL_BATCH_LIMIT}: a sample of
 * {@link TrainingPlan#MINIBATCH} drawn from (seed, step) alone, so a training resumed at a step draws the same
 * pairs there as one that never stopped.
 */
final class Minibatches {

    private Minibatches() {
    }

    static LabelledPairs of(LabelledPairs all, long seed, int step) {
        if (all.size() <= TrainingPlan.FULL_BATCH_LIMIT) return all;
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL).split();
        random = new SplittableRandom(random.nextLong() + 0x9E3779B97F4A7C15L * (step + 1L));
        int[] chosen = new int[all.size()];
        for (int k = 0; k < chosen.length; k++) chosen[k] = k;
        for (int k = 0; k < TrainingPlan.MINIBATCH; k++) {
            int swap = k + random.nextInt(chosen.length - k);
            int kept = chosen[k];
            chosen[k] = chosen[swap];
            chosen[swap] = kept;
        }
        int[] picked = Arrays.copyOf(chosen, TrainingPlan.MINIBATCH);
        Arrays.sort(picked);
        int[] first = new int[picked.length];
        int[] second = new int[picked.length];
        byte[] labels = new byte[picked.length];
        for (int k = 0; k < picked.length; k++) {
            first[k] = all.first()[picked[k]];
            second[k] = all.second()[picked[k]];
            labels[k] = all.labels()[picked[k]];
        }
        return new LabelledPairs(all.rows(), first, second, labels);
    }
}
