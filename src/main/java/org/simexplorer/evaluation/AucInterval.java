package org.simexplorer.evaluation;

/**
 * A confidence interval for a ROC-AUC from Hanley and McNeil's standard error (Radiology 143, 1982):
 * SE² = [A(1 − A) + (n₊ − 1)(Q₁ − A²) + (n₋ − 1)(Q₂ − A²)] / (n₊ n₋), with Q₁ = A / (2 − A) and
 * Q₂ = 2A² / (1 + A), and the interval A ± z·SE clipped to [0, 1].
 *
 * <p>That standard error is 0 at A = 0 and A = 1, which would make four pairs look certain. So it is evaluated at A
 * moved half a positive–negative comparison in from the end, 1/(2 n₊ n₋): the width then shrinks as the counts grow,
 * as it should, instead of vanishing because the few pairs happen to be separated.
 *
 * @param low  the lower end, in [0, 1]
 * @param high the upper end, in [0, 1]
 */
public record AucInterval(double low, double high) {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    /** The 95 % interval, or null without a finite AUC or without a pair of each class. */
    public static AucInterval of95(double auc, int positives, int negatives) {
        return of(auc, positives, negatives, Z95);
    }

    public static AucInterval of(double auc, int positives, int negatives, double z) {
        if (!Double.isFinite(auc) || positives < 1 || negatives < 1) return null;
        double se = standardError(auc, positives, negatives);
        return new AucInterval(Math.max(0, auc - z * se), Math.min(1, auc + z * se));
    }

    /** Hanley and McNeil's standard error, at A kept half a comparison away from 0 and 1. */
    public static double standardError(double auc, int positives, int negatives) {
        double comparisons = (double) positives * negatives;
        double half = 0.5 / comparisons;
        double a = Math.min(Math.max(auc, half), 1 - half);
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double variance = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a))
                / comparisons;
        return Math.sqrt(Math.max(0, variance));
    }
}
