package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Cosine similarities S = X Xᵀ, where X is the embeddings with each row divided by max(‖row‖, 1e-12),
 * on {@link MatrixProduct}'s fast route. A zero row is similar to nothing, itself included (S = 0).
 * Safe for concurrent use.
 */
public class CosineMatrix {

    /** The floor on a row norm, as in the loss contract: X = E / max(‖row‖, 1e-12). */
    public static final double EPSILON = 1e-12;

    /** Result buffers at most this large are kept for reuse (10,000² floats = 400 MB). */
    private static final long KEEP_RESULT_FLOATS = 10_000L * 10_000L;

    private final MatrixProduct product;
    private FloatBuffer spareResult;

    public CosineMatrix(MatrixProduct product) {
        this.product = product;
    }

    /** The n×n cosine matrix as heap rows: the simple call for small n. */
    public float[][] cosine(float[][] embeddings) {
        try (SimilarityMatrix matrix = compute(embeddings)) {
            return matrix.toRows();
        }
    }

    /** The n×n cosine matrix in one direct buffer; close it to let the next call reuse the buffer. */
    public SimilarityMatrix compute(float[][] embeddings) {
        int n = embeddings.length;
        int d = n == 0 ? 0 : embeddings[0].length;
        // X only lives for this call, so it goes in a reused buffer: a fresh one costs page faults.
        FloatBuffer rows = product.takeScratch(Math.multiplyExact(n, d));
        try {
            return compute(normalizeInto(embeddings, rows));
        } finally {
            product.giveBack(rows);
        }
    }

    public SimilarityMatrix compute(NormalizedRows x) {
        long floats = (long) x.n() * x.n();
        FloatBuffer result = takeResultBuffer(floats);
        product.timesTransposed(x.rows(), x.n(), x.rows(), x.n(), x.d(), result);
        return new SimilarityMatrix(x.n(), result, this::giveBackResultBuffer);
    }

    /** Row-normalises into a new direct buffer; the norms are kept for the backward pass of the losses. */
    public static NormalizedRows normalize(float[][] embeddings) {
        int n = embeddings.length;
        int d = n == 0 ? 0 : embeddings[0].length;
        return normalizeInto(embeddings, MatrixProduct.allocate((long) n * d));
    }

    private static NormalizedRows normalizeInto(float[][] embeddings, FloatBuffer rows) {
        int n = embeddings.length;
        int d = n == 0 ? 0 : embeddings[0].length;
        for (int i = 0; i < n; i++) {
            if (embeddings[i].length != d) {
                throw new IllegalArgumentException("row " + i + " has " + embeddings[i].length + " values, row 0 has " + d);
            }
        }
        double[] norms = new double[n];
        IntStream range = IntStream.range(0, n);
        // Worth splitting over the cores only when the copy is big enough to beat the fork.
        (n * (long) d > 100_000 ? range.parallel() : range).forEach(i -> {
            float[] e = embeddings[i];
            double norm = norm(e);
            norms[i] = norm;
            double scale = 1.0 / Math.max(norm, EPSILON);
            float[] scaled = new float[d];
            for (int k = 0; k < d; k++) {
                scaled[k] = (float) (e[k] * scale);
            }
            rows.duplicate().put(i * d, scaled);
        });
        return new NormalizedRows(rows, n, d, norms);
    }

    /**
     * ‖v‖, with the squares summed in double along four chains: one chain would wait on each add in turn, which
     * made the norms most of an overview tile's time at 100,000 sentences.
     */
    public static double norm(float[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 4 <= v.length; k += 4) {
            s0 += (double) v[k] * v[k];
            s1 += (double) v[k + 1] * v[k + 1];
            s2 += (double) v[k + 2] * v[k + 2];
            s3 += (double) v[k + 3] * v[k + 3];
        }
        for (; k < v.length; k++) s0 += (double) v[k] * v[k];
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    private synchronized FloatBuffer takeResultBuffer(long floats) {
        FloatBuffer spare = spareResult;
        if (spare != null && spare.capacity() >= floats) {
            spareResult = null;
            return spare.clear().limit((int) floats);
        }
        return MatrixProduct.allocate(floats);
    }

    private synchronized void giveBackResultBuffer(FloatBuffer buffer) {
        if (buffer.capacity() <= KEEP_RESULT_FLOATS
                && (spareResult == null || spareResult.capacity() < buffer.capacity())) {
            spareResult = buffer;
        }
    }
}
