package org.simexplorer.training;

import java.util.Random;
import org.simexplorer.errors.InvalidInputException;

/**
 * How W (D×D) is parametrised while it trains: every entry, the diagonal only, or I + U·Vᵀ with rank r.
 * Each form starts at the identity, so step 0 is the base model, and carries ∂L/∂W back to its own parameters.
 */
sealed interface AdapterForm permits AdapterForm.Full, AdapterForm.Diagonal, AdapterForm.LowRank {

    /** The request's rank: "full", "diagonal", or an integer r with 1 ≤ r ≤ d (a number or its digits). */
    static AdapterForm parse(Object rank, int d) {
        if (rank == null || "full".equals(rank)) return new Full(d);
        if ("diagonal".equals(rank)) return new Diagonal(d);
        Integer r = null;
        if (rank instanceof Integer number) r = number;
        else if (rank instanceof String text && text.matches("[0-9]{1,9}")) r = Integer.parseInt(text);
        if (r == null) {
            throw new InvalidInputException("'rank' must be \"full\", \"diagonal\" or an integer from 1 to " + d
                    + ", not " + rank + ".").with("field", "rank");
        }
        if (r < 1 || r > d) {
            throw new InvalidInputException("'rank' is " + r + "; a low-rank adapter needs 1 ≤ rank ≤ " + d
                    + " (the model's dimension).").with("field", "rank");
        }
        return new LowRank(d, r);
    }

    /** The form as stored and shown: "full", "diagonal" or the rank's digits. */
    String label();

    int dimension();

    /** The starting parameters (W = I); seeded where the form draws random numbers. */
    float[] initial(long seed);

    /** W, row-major D×D. */
    float[] weights(float[] parameters);

    /** ∂L/∂parameters from ∂L/∂W (row-major D×D). */
    float[] chain(float[] gradientOfWeights, float[] parameters);

    record Full(int dimension) implements AdapterForm {
        public String label() {
            return "full";
        }

        public float[] initial(long seed) {
            float[] w = new float[dimension * dimension];
            for (int k = 0; k < dimension; k++) w[k * dimension + k] = 1f;
            return w;
        }

        public float[] weights(float[] parameters) {
            return parameters;
        }

        public float[] chain(float[] gradientOfWeights, float[] parameters) {
            return gradientOfWeights;
        }
    }

    record Diagonal(int dimension) implements AdapterForm {
        public String label() {
            return "diagonal";
        }

        public float[] initial(long seed) {
            float[] diagonal = new float[dimension];
            java.util.Arrays.fill(diagonal, 1f);
            return diagonal;
        }

        public float[] weights(float[] parameters) {
            float[] w = new float[dimension * dimension];
            for (int k = 0; k < dimension; k++) w[k * dimension + k] = parameters[k];
            return w;
        }

        public float[] chain(float[] gradientOfWeights, float[] parameters) {
            float[] g = new float[dimension];
            for (int k = 0; k < dimension; k++) g[k] = gradientOfWeights[k * dimension + k];
            return g;
        }
    }

    /**
     * W = I + U·Vᵀ with U, V both D×r, stored one after the other row-major. U starts at zero and V at small
     * seeded normal values: W starts at I, and ∂L/∂U = ∂L/∂W·V is non-zero from the first step.
     */
    record LowRank(int dimension, int rank) implements AdapterForm {
        static final double INITIAL_SCALE = 0.01;

        public String label() {
            return Integer.toString(rank);
        }

        public float[] initial(long seed) {
            float[] p = new float[2 * dimension * rank];
            Random random = new Random(seed);
            for (int k = dimension * rank; k < p.length; k++) p[k] = (float) (random.nextGaussian() * INITIAL_SCALE);
            return p;
        }

        public float[] weights(float[] p) {
            int d = dimension;
            int v = d * rank;
            float[] w = new float[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double sum = i == j ? 1 : 0;
                    for (int c = 0; c < rank; c++) sum += (double) p[i * rank + c] * p[v + j * rank + c];
                    w[i * d + j] = (float) sum;
                }
            }
            return w;
        }

        public float[] chain(float[] g, float[] p) {
            int d = dimension;
            int v = d * rank;
            float[] out = new float[p.length];
            // ∂L/∂U[i][c] = Σ_j G[i][j] V[j][c];  ∂L/∂V[j][c] = Σ_i G[i][j] U[i][c].
            double[] du = new double[rank];
            double[] dv = new double[d * rank];
            for (int i = 0; i < d; i++) {
                java.util.Arrays.fill(du, 0);
                for (int j = 0; j < d; j++) {
                    double gij = g[i * d + j];
                    if (gij == 0) continue;
                    for (int c = 0; c < rank; c++) {
                        du[c] += gij * p[v + j * rank + c];
                        dv[j * rank + c] += gij * p[i * rank + c];
                    }
                }
                for (int c = 0; c < rank; c++) out[i * rank + c] = (float) du[c];
            }
            for (int k = 0; k < dv.length; k++) out[v + k] = (float) dv[k];
            return out;
        }
    }
}
