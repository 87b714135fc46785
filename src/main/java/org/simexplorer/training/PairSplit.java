package org.simexplorer.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.loss.LabelledPair;

/**
 * The labelled pairs split into a training and a validation side that share no sentence.
 *
 * <p>The pairs are taken in a seeded random order; both sentences of each pair move to the validation side
 * until the pairs inside that side reach the validation fraction of all pairs. Pairs with both sentences
 * outside train; pairs across the sides are left out (with disjoint pairs, as in a paraphrase corpus, none are).
 */
record PairSplit(List<LabelledPair> training, List<LabelledPair> validation, int leftOut) {

    record Counts(int trainPairs, int validationPairs, int leftOutPairs) {
    }

    Counts counts() {
        return new Counts(training.size(), validation.size(), leftOut);
    }

    static PairSplit of(List<LabelledPair> pairs, double validationFraction, long seed) {
        List<LabelledPair> order = new ArrayList<>(pairs);
        Collections.shuffle(order, new Random(seed));
        Map<Integer, List<LabelledPair>> bySentence = new HashMap<>();
        for (LabelledPair pair : pairs) {
            bySentence.computeIfAbsent(pair.i(), k -> new ArrayList<>()).add(pair);
            bySentence.computeIfAbsent(pair.j(), k -> new ArrayList<>()).add(pair);
        }
        double wanted = validationFraction * pairs.size();
        Set<Integer> validationSentences = new HashSet<>();
        int inside = 0;
        for (LabelledPair pair : order) {
            if (inside >= wanted) break;
            for (int sentence : new int[] {pair.i(), pair.j()}) {
                if (!validationSentences.add(sentence)) continue;
                // Each pair joining the inside is counted once: when its second sentence arrives.
                for (LabelledPair touching : bySentence.get(sentence)) {
                    int other = touching.i() == sentence ? touching.j() : touching.i();
                    if (validationSentences.contains(other)) inside++;
                }
            }
        }
        List<LabelledPair> training = new ArrayList<>();
        List<LabelledPair> validation = new ArrayList<>();
        int leftOut = 0;
        for (LabelledPair pair : pairs) {
            boolean first = validationSentences.contains(pair.i());
            boolean second = validationSentences.contains(pair.j());
            if (first && second) validation.add(pair);
            else if (!first && !second) training.add(pair);
            else leftOut++;
        }
        return new PairSplit(training, validation, leftOut);
    }

    /** 422 naming what is missing when a side has no positive or no negative pair. */
    PairSplit requireBothClasses() {
        List<String> missing = new ArrayList<>();
        describeMissing("training", training, missing);
        describeMissing("validation", validation, missing);
        if (!missing.isEmpty()) {
            throw (UndefinedException) new UndefinedException("Too few labelled pairs to train: the "
                    + String.join(", and the ", missing) + ". Label more pairs of both kinds, or change "
                    + "validationFraction (" + training.size() + " training, " + validation.size()
                    + " validation and " + leftOut + " left-out pairs).")
                    .with("field", "labels").with("split", counts());
        }
        return this;
    }

    private static void describeMissing(String side, List<LabelledPair> pairs, List<String> missing) {
        boolean positive = pairs.stream().anyMatch(p -> p.label() > 0);
        boolean negative = pairs.stream().anyMatch(p -> p.label() < 0);
        if (!positive && !negative) missing.add(side + " side has no pairs");
        else if (!positive) missing.add(side + " side has no positive (similar) pair");
        else if (!negative) missing.add(side + " side has no negative (dissimilar) pair");
    }
}
