package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Each loss on one 4×4 score matrix, worked out by hand from the definitions in issue 3.
 * Scores (upper triangle): S01 = .9, S02 = .2, S03 = -.1, S12 = .5, S13 = .3, S23 = .7.
 * Labels: T01 = +1, T12 = +1 (positives); T02, T13, T23 = -1 (negatives); T03 = 0. So |P| = 5.
 */
class PairLossHandCheckedTest {

    private static final double TOLERANCE = 1e-6;

    private static final float[] SCORES = symmetric(4, new double[][] {
            {0, 1, .9}, {0, 2, .2}, {0, 3, -.1}, {1, 2, .5}, {1, 3, .3}, {2, 3, .7}});
    private static final PairTarget TARGET = PairTarget.fromArray(new double[][] {
            {0, 1, -1, 0},
            {1, 0, 1, -1},
            {-1, 1, 0, -1},
            {0, -1, -1, 0}});

    @Test
    void cosineMse() {
        // (.9-1)² + (.5-1)² + (.2+1)² + (.3+1)² + (.7+1)² = .01 + .25 + 1.44 + 1.69 + 2.89 = 6.28; / 5
        float[] gradient = new float[16];
        assertThat(value(new CosineMseLoss(), gradient)).isCloseTo(1.256, within(TOLERANCE));
        // ∂/∂S01 = 2(.9 - 1)/5; the unlabelled pair gets nothing
        assertThat(gradient[1]).isCloseTo(-0.04f, within(1e-7f));
        assertThat(gradient[3]).isZero();
    }

    @Test
    void contrastive() {
        // positives: ½·.1² + ½·.5² = .005 + .125; negatives d = .8, .7, .3: only .3 is inside m = .5: ½·.2² = .02
        float[] gradient = new float[16];
        assertThat(value(new ContrastiveLoss(), gradient)).isCloseTo(0.15 / 5, within(TOLERANCE));
        // ∂/∂S23 = max(0, m - d)/|P| = .2/5 (d = .3); ∂/∂S02 = 0 (outside the margin)
        assertThat(gradient[2 * 4 + 3]).isCloseTo(0.04f, within(1e-7f));
        assertThat(gradient[2]).isZero();
    }

    @Test
    void onlineContrastive() {
        // dp = {.1, .5}, dn = {.8, .7, .3}. Hard negatives: dn < max(dp) = .5 → .3, (.5 - .3)² = .04.
        // Hard positives: dp > min(dn) = .3 → .5, .5² = .25. A sum: .29.
        float[] gradient = new float[16];
        assertThat(value(new OnlineContrastiveLoss(), gradient)).isCloseTo(0.29, within(TOLERANCE));
        assertThat(gradient[1]).isZero();                                 // dp = .1 is easy
        assertThat(gradient[4 + 2]).isCloseTo(-1.0f, within(1e-6f));     // −2·dp = −1 at S12
        assertThat(gradient[2 * 4 + 3]).isCloseTo(0.4f, within(1e-6f));   // 2·(m − dn) at S23
    }

    @Test
    void onlineContrastiveWithOnePositiveUsesTheMeans() {
        // dp = {.1}, dn = {.8, .3}: one dp → negatives below mean(dn) = .55 → .3: (.5-.3)² = .04.
        // Two dn → positives above min(dn) = .3: none.
        float[] scores = symmetric(3, new double[][] {{0, 1, .9}, {0, 2, .2}, {1, 2, .7}});
        PairTarget target = PairTarget.fromArray(new double[][] {{0, 1, -1}, {1, 0, -1}, {-1, -1, 0}});
        OnlineContrastiveLoss loss = new OnlineContrastiveLoss();
        assertThat(loss.compute(scores, target, LossParameters.defaults(loss), null, null))
                .isCloseTo(0.04, within(TOLERANCE));
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
        PairTarget onlyPositive = PairTarget.fromArray(new double[][] {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}});
        float[] scores = symmetric(3, new double[][] {{0, 1, .1}, {1, 2, -.4}});
        CoSentLoss loss = new CoSentLoss();
        float[] gradient = new float[9];
        assertThat(loss.compute(scores, onlyPositive, LossParameters.defaults(loss), gradient, null)).isZero();
        assertThat(gradient).containsOnly(0f);
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
    void softmaxCeIgnoresUnlabelledEntriesEvenWhenTheyWouldOverflow() {
        // Row 0: candidates 1 (+1, S = .2) and 2 (-1, S = .1); pair (0,3) is unlabelled but S = .99,
        // which at τ = .001 would be exp(990) if it leaked into the softmax. Rows 1, 2, 3 do not count.
        float[] scores = symmetric(4, new double[][] {{0, 1, .2}, {0, 2, .1}, {0, 3, .99}, {1, 2, .5}, {1, 3, .5}, {2, 3, .5}});
        PairTarget target = PairTarget.fromArray(new double[][] {{0, 1, -1, 0}, {1, 0, 0, 0}, {-1, 0, 0, 0}, {0, 0, 0, 0}});
        SoftmaxCeLoss loss = new SoftmaxCeLoss();
        float[] gradient = new float[16];
        double value = loss.compute(scores, target, LossParameters.resolve(loss, java.util.Map.of("temperature", 0.001)),
                gradient, null);
        // −log softmax at the positive: log(1 + exp((.1 − .2)/.001)) = log(1 + e⁻¹⁰⁰)
        assertThat(value).isCloseTo(Math.log1p(Math.exp(-100)), within(1e-12));
        assertThat(gradient[3]).isZero();
        for (float g : gradient) assertThat(g).isFinite();
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
        float[] scores = symmetric(2, new double[][] {{0, 1, 800}});
        PairTarget target = PairTarget.fromArray(new double[][] {{0, -1}, {-1, 0}});
        SeedSigmoidBceLoss loss = new SeedSigmoidBceLoss();
        float[] gradient = new float[4];
        assertThat(loss.compute(scores, target, LossParameters.defaults(loss), gradient, null))
                .isCloseTo(800, within(1e-9));
        assertThat(gradient[1]).isEqualTo(1f);
    }

    @Test
    void contributionsSumToTheValue() {
        for (PairLoss loss : new PairLossRegistry().all()) {
            if (!loss.hasPairContributions()) continue;
            double[] shares = new double[16];
            double value = loss.compute(SCORES, TARGET, LossParameters.defaults(loss), null, shares);
            double sum = 0;
            for (double share : shares) sum += share;
            assertThat(sum).as(loss.id()).isCloseTo(value, within(1e-12));
            assertThat(shares[3]).as(loss.id() + " unlabelled pair").isZero();
        }
    }

    @Test
    void parametersOverrideTheDefaults() {
        ContrastiveLoss loss = new ContrastiveLoss();
        // With m = 1 every negative counts: d = .8, .7, .3 → ½(.2² + .3² + .7²) = .31; plus positives .13
        double value = loss.compute(SCORES, TARGET, LossParameters.resolve(loss, java.util.Map.of("margin", 1)), null, null);
        assertThat(value).isCloseTo((0.13 + 0.31) / 5, within(TOLERANCE));
    }

    private static double value(PairLoss loss, float[] gradient) {
        return loss.compute(SCORES, TARGET, LossParameters.defaults(loss), gradient, null);
    }

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    private static double lse(double... values) {
        double sum = 0;
        for (double v : values) sum += Math.exp(v);
        return Math.log(sum);
    }

    static float[] symmetric(int n, double[][] upper) {
        float[] s = new float[n * n];
        for (double[] entry : upper) {
            int i = (int) entry[0];
            int j = (int) entry[1];
            s[i * n + j] = (float) entry[2];
            s[j * n + i] = (float) entry[2];
        }
        for (int i = 0; i < n; i++) s[i * n + i] = 1;
        return s;
    }
}
