package org.simexplorer.similarity;

/** The cosine of one pair of rows, as {@link CosineMatrix} defines it, without building any matrix. */
public final class PairCosine {

    private PairCosine() {
    }

    /** a·b / (max(‖a‖, ε) · max(‖b‖, ε)); 0 when either row is zero. */
    public static double of(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rows of " + a.length + " and " + b.length + " values");
        }
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int k = 0; k < a.length; k++) {
            dot += (double) a[k] * b[k];
            aa += (double) a[k] * a[k];
            bb += (double) b[k] * b[k];
        }
        return dot / (Math.max(Math.sqrt(aa), CosineMatrix.EPSILON) * Math.max(Math.sqrt(bb), CosineMatrix.EPSILON));
    }
}
