package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each loss on the scores of five labelled pairs of 4 rows, worked out by hand from the definitions in docs/losses.md.
 * Pairs in order p = 0..4: S01 = .9 (+1), S02 = .2 (-1), S12 = .5 (+1), S13 = .3 (-1), S23 = .7 (-1); pair (0, 3)
 * is unlabelled, so it is not there at all. |P| = 5.
 */
class PairLossHandCheckedTest {

    private static final double TOLERANCE = 1e-6;

    private static final Scored FIVE = scored(4, new double[][] {
            {0, 1, 1, .9}, {0, 2, -1, .2}, {1, 2, 1, .5}, {1, 3, -1, .3}, {2, 3, -1, .7}});
    private static final int P01 = 0;
    private static final int P02 = 1;
    private static final int P12 = 2;
    private static final int P23 = 4;

    /** Labelled pairs with a score each. */
    record Scored(LabelledPairs pairs, double[] scores) {
        double compute(PairLoss loss, LossParameters params, double[] gradient, double[] contributions) {
            return loss.compute(pairs, scores, params, gradient, contributions);
        }
    }

    @Test
    void cosineMse() {
        // (.9-1)² + (.5-1)² + (.2+1)² + (.3+1)² + (.7+1)² = .01 + .25 + 1.44 + 1.69 + 2.89 = 6.28; / 5
        double[] gradient = new double[5];
        assertThat(value(new CosineMseLoss(), gradient)).isCloseTo(1.256, within(TOLERANCE));
        // ∂/∂S01 = 2(.9 - 1)/5
        assertThat(gradient[P01]).isCloseTo(-0.04, within(1e-12));
    }

    @Test
    void contrastive() {
        // positives: ½·.1² + ½·.5² = .005 + .125; negatives d = .8, .7, .3: only .3 is inside m = .5: ½·.2² = .02
        double[] gradient = new double[5];
        assertThat(value(new ContrastiveLoss(), gradient)).isCloseTo(0.15 / 5, within(TOLERANCE));
        // ∂/∂S23 = max(0, m - d)/|P| = .2/5 (d = .3); ∂/∂S02 = 0 (outside the margin)
        assertThat(gradient[P23]).isCloseTo(0.04, within(1e-12));
        assertThat(gradient[P02]).isZero();
    }

    @Test
    void onlineContrastive() {
        // dp = {.1, .5}, dn = {.8, .7, .3}. Hard negatives: dn < max(dp) = .5 → .3, (.5 - .3)² = .04.
        // Hard positives: dp > min(dn) = .3 → .5, .5² = .25. A sum: .29.
        double[] gradient = new double[5];
        assertThat(value(new OnlineContrastiveLoss(), gradient)).isCloseTo(0.29, within(TOLERANCE));
        assertThat(gradient[P01]).isZero();                            // dp = .1 is easy
        assertThat(gradient[P12]).isCloseTo(-1.0, within(1e-12));      // −2·dp = −1 at S12
        assertThat(gradient[P23]).isCloseTo(0.4, within(1e-12));       // 2·(m − dn) at S23
    }

    @Test
    void onlineContrastiveWithOnePositiveUsesTheMeans() {
        // dp = {.1}, dn = {.8, .3}: one dp → negatives below mean(dn) = .55 → .3: (.5-.3)² = .04.
        // Two dn → positives above min(dn) = .3: none.
        Scored three = scored(3, new double[][] {{0, 1, 1, .9}, {0, 2, -1, .2}, {1, 2, -1, .7}});
        OnlineContrastiveLoss loss = new OnlineContrastiveLoss();
        assertThat(three.compute(loss, LossParameters.defaults(loss), null, null)).isCloseTo(0.04, within(TOLERANCE));
    }

    @Test
    void coSentMatchesTheDefinitionOverAllPairsOfPairs() {
        // log(1 + Σ exp(20(S_a - S_b))) over negatives a ∈ {.2, .3, .7} and positives b ∈ {.9, .5}:
        // exponents -14, -6, -12, -4, -4, 4.
        double byHand = Math.log(1 + Math.exp(-14) + Math.exp(-6) + Math.exp(-12) + 2 * Math.exp(-4) + Math.exp(4));
        assertThat(byHand).isCloseTo(4.018853247208325, within(1e-12));
        assertThat(value(new CoSentLoss(), null)).isCloseTo(byHand, within(TOLERANCE));
    }

    @Test
    void coSentIsZeroWithoutBothKindsOfLabel() {
        Scored onlyPositive = scored(3, new double[][] {{0, 1, 1, .1}, {1, 2, 1, -.4}});
        CoSentLoss loss = new CoSentLoss();
        double[] gradient = new double[2];
        assertThat(onlyPositive.compute(loss, LossParameters.defaults(loss), gradient, null)).isZero();
        assertThat(gradient).containsOnly(0);
    }

    @Test
    void softmaxCe() {
        // τ = .05, logits S/τ. Row 0: C = {1, 2}, P = {1}: lse(18, 4) - 18.
        // Row 1: C = {0, 2, 3}, P = {0, 2}: lse(18, 10, 6) - (18 + 10)/2.
        // Row 2: C = {0, 1, 3}, P = {1}: lse(4, 10, 14) - 10. Row 3 has no positive and does not count.
        double row0 = lse(18, 4) - 18;
        double row1 = lse(18, 10, 6) - 14;
        double row2 = lse(4, 10, 14) - 10;
        assertThat(value(new SoftmaxCeLoss(), null)).isCloseTo((row0 + row1 + row2) / 3, within(TOLERANCE));
    }

    @Test
    void softmaxCeAtATinyTemperatureStaysFinite() {
        // Row 0: candidates 1 (+1, S = .2) and 2 (-1, S = .1); at τ = .001 the logits are 200 and 100, whose
        // exponentials overflow unless shifted. Rows 1 and 2 have one candidate each and do not count.
        Scored two = scored(3, new double[][] {{0, 1, 1, .2}, {0, 2, -1, .1}});
        SoftmaxCeLoss loss = new SoftmaxCeLoss();
        double[] gradient = new double[2];
        double value = two.compute(loss, LossParameters.resolve(loss, java.util.Map.of("temperature", 0.001)),
                gradient, null);
        // −log softmax at the positive: log(1 + exp((.1 − .2)/.001)) = log(1 + e⁻¹⁰⁰)
        assertThat(value).isCloseTo(Math.log1p(Math.exp(-100)), within(1e-12));
        for (double g : gradient) assertThat(g).isFinite();
    }

    @Test
    void sigmoid() {
        // softplus(−T(10·S − 10)): positives .9 → softplus(1), .5 → softplus(5);
        // negatives .2 → softplus(−8), .3 → softplus(−7), .7 → softplus(−3)
        double byHand = (softplus(1) + softplus(5) + softplus(-8) + softplus(-7) + softplus(-3)) / 5;
        assertThat(value(new SigmoidLoss(), null)).isCloseTo(byHand, within(TOLERANCE));
        assertThat(byHand).isCloseTo(1.2739622520815508, within(1e-12));
    }

    @Test
    void seedSigmoidBceOnRawScores() {
        // BCE-with-logits: softplus(−z) for y = 1, softplus(z) for y = 0
        double byHand = (softplus(-.9) + softplus(-.5) + softplus(.2) + softplus(.3) + softplus(.7)) / 5;
        assertThat(value(new SeedSigmoidBceLoss(), null)).isCloseTo(byHand, within(TOLERANCE));
    }

    @Test
    void seedSigmoidBceStaysFiniteWhereTheSigmoidSaturates() {
        // A raw dot product of 800 with label -1: the naive log(1 - sigmoid(800)) is log(0).
        Scored one = scored(2, new double[][] {{0, 1, -1, 800}});
        SeedSigmoidBceLoss loss = new SeedSigmoidBceLoss();
        double[] gradient = new double[1];
        assertThat(one.compute(loss, LossParameters.defaults(loss), gradient, null)).isCloseTo(800, within(1e-9));
        assertThat(gradient[0]).isEqualTo(1.0);
    }

    @Test
    void contributionsSumToTheValue() {
        for (PairLoss loss : new PairLossRegistry().all()) {
            if (!loss.hasPairContributions()) continue;
            double[] shares = new double[5];
            double value = FIVE.compute(loss, LossParameters.defaults(loss), null, shares);
            double sum = 0;
            for (double share : shares) sum += share;
            assertThat(sum).as(loss.id()).isCloseTo(value, within(1e-12));
        }
    }

    @Test
    void parametersOverrideTheDefaults() {
        ContrastiveLoss loss = new ContrastiveLoss();
        // With m = 1 every negative counts: d = .8, .7, .3 → ½(.2² + .3² + .7²) = .31; plus positives .13
        double value = FIVE.compute(loss, LossParameters.resolve(loss, java.util.Map.of("margin", 1)), null, null);
        assertThat(value).isCloseTo((0.13 + 0.31) / 5, within(TOLERANCE));
    }

    private static double value(PairLoss loss, double[] gradient) {
        return FIVE.compute(loss, LossParameters.defaults(loss), gradient, null);
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    private static double lse(double... values) {
        double sum = 0;
        for (double v : values) sum += Math.exp(v);
        return Math.log(sum);
    }

    /** Pairs {i, j, label, score} over n rows, given in row order. */
    static Scored scored(int n, double[][] entries) {
        int[] first = new int[entries.length];
        int[] second = new int[entries.length];
        byte[] labels = new byte[entries.length];
        double[] scores = new double[entries.length];
        for (int p = 0; p < entries.length; p++) {
            first[p] = (int) entries[p][0];
            second[p] = (int) entries[p][1];
            labels[p] = (byte) entries[p][2];
            scores[p] = entries[p][3];
        }
        return new Scored(new LabelledPairs(n, first, second, labels), scores);
    }
}
