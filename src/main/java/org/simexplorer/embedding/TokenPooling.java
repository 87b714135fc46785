package org.simexplorer.embedding;

/** Turns a forward pass's token vectors into unit-length sentence vectors. */
public final class TokenPooling {

    private TokenPooling() {
    }

    /**
     * @param hidden last_hidden_state, row-major [batch, length, dim]
     * @param mask   attention mask, row-major [batch, length]
     */
    public static float[][] pool(float[] hidden, long[] mask, int batch, int length, int dim, Pooling pooling) {
        float[][] out = new float[batch][];
        for (int b = 0; b < batch; b++) {
            double[] sum = new double[dim];
            if (pooling == Pooling.CLS) {
                int base = b * length * dim;
                for (int k = 0; k < dim; k++) sum[k] = hidden[base + k];
            } else {
                long tokens = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[b * length + t] == 0) continue;
                    tokens++;
                    int base = (b * length + t) * dim;
                    for (int k = 0; k < dim; k++) sum[k] += hidden[base + k];
                }
                // sentence-transformers clamps the token count at 1e-9; a real batch always has >= 2 tokens.
                double count = Math.max(tokens, 1e-9);
                for (int k = 0; k < dim; k++) sum[k] /= count;
            }
            out[b] = normalise(sum);
        }
        return out;
    }

    /** Divides by max(norm, 1e-12), as torch.nn.functional.normalize does. */
    static float[] normalise(double[] v) {
        double norm = 0;
        for (double x : v) norm += x * x;
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) out[k] = (float) (v[k] / norm);
        return out;
    }
}
