package org.simexplorer.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.loss.LabelledPair;

/**
 * The seeded split of labelled pairs into a training and a validation side that share no sentence, used both to
 * train adapters and to export a training bundle, so the two see the same validation pairs.
 *
 * <p>The rule: take the pairs, sorted by (i, j), in the order of a Fisher–Yates shuffle driven by
 * {@code new SplittableRandom(seed)}; move both sentences of each pair to the validation side until the pairs
 * with both sentences there reach {@code validationFraction} of all pairs. Pairs with neither sentence there train;
 * pairs across the sides are left out (with disjoint pairs, as in a paraphrase corpus, there are none).
 *
 * @param train      pairs whose two sentences are both on the training side, sorted by (i, j)
 * @param validation pairs whose two sentences are both on the validation side, sorted by (i, j)
 * @param leftOut    pairs with one sentence on each side, sorted by (i, j)
 */
public record PairSplit(List<LabelledPair> train, List<LabelledPair> validation, List<LabelledPair> leftOut) {

    /**
     * @param pairs              labelled pairs; unlabelled entries (label 0) are ignored
     * @param validationFraction the share of pairs wanted inside the validation side, in [0, 1)
     */
    public static PairSplit of(List<LabelledPair> pairs, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in [0, 1), not " + validationFraction);
        }
        List<LabelledPair> sorted = new ArrayList<>(pairs.stream().filter(p -> p.label() != 0)
                .map(p -> new LabelledPair(Math.min(p.i(), p.j()), Math.max(p.i(), p.j()), p.label())).toList());
        sorted.sort(Comparator.comparingInt(LabelledPair::i).thenComparingInt(LabelledPair::j));
        int n = 0;
        for (LabelledPair p : sorted) n = Math.max(n, p.j() + 1);
        List<List<Integer>> pairsOf = new ArrayList<>(n);
        for (int s = 0; s < n; s++) pairsOf.add(new ArrayList<>());
        for (int k = 0; k < sorted.size(); k++) {
            pairsOf.get(sorted.get(k).i()).add(k);
            pairsOf.get(sorted.get(k).j()).add(k);
        }
        boolean[] validationSentence = new boolean[n];
        double wanted = validationFraction * sorted.size();
        int inside = 0;
        for (int k : shuffled(sorted.size(), seed)) {
            if (inside >= wanted) break;
            LabelledPair pair = sorted.get(k);
            for (int sentence : new int[] {pair.i(), pair.j()}) {
                if (validationSentence[sentence]) continue;
                validationSentence[sentence] = true;
                for (int other : pairsOf.get(sentence)) {
                    LabelledPair p = sorted.get(other);
                    int partner = p.i() == sentence ? p.j() : p.i();
                    if (validationSentence[partner]) inside++;
                }
            }
        }
        List<LabelledPair> train = new ArrayList<>();
        List<LabelledPair> validation = new ArrayList<>();
        List<LabelledPair> leftOut = new ArrayList<>();
        for (LabelledPair p : sorted) {
            boolean a = validationSentence[p.i()];
            boolean b = validationSentence[p.j()];
            (a && b ? validation : !a && !b ? train : leftOut).add(p);
        }
        return new PairSplit(train, validation, leftOut);
    }

    /** How many pairs each side holds. */
    public record Counts(int trainPairs, int validationPairs, int leftOutPairs) {
    }

    public Counts counts() {
        return new Counts(train.size(), validation.size(), leftOut.size());
    }

    /** 422 naming what is missing when a side has no positive or no negative pair. */
    public PairSplit requireBothClasses() {
        List<String> missing = new ArrayList<>();
        describeMissing("training", train, missing);
        describeMissing("validation", validation, missing);
        if (!missing.isEmpty()) {
            throw (UndefinedException) new UndefinedException("Too few labelled pairs to train: the "
                    + String.join(", and the ", missing) + ". Label more pairs of both kinds, or change "
                    + "validationFraction (" + train.size() + " training, " + validation.size()
                    + " validation and " + leftOut.size() + " left-out pairs).")
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

    /** 0..size-1 in Fisher–Yates order from {@code new SplittableRandom(seed)}. */
    private static int[] shuffled(int size, long seed) {
        int[] order = new int[size];
        for (int k = 0; k < size; k++) order[k] = k;
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = size - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[other];
            order[other] = swap;
        }
        return order;
    }
}
