package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.function.Consumer;

/**
 * An n×n cosine matrix held in one direct buffer, as ORT wrote it. Close it when done so the next
 * request can reuse the buffer instead of allocating (and zeroing) n² floats again.
 */
public final class SimilarityMatrix implements AutoCloseable {

    private final int n;
    private FloatBuffer values;
    private final Consumer<FloatBuffer> onClose;

    SimilarityMatrix(int n, FloatBuffer values, Consumer<FloatBuffer> onClose) {
        this.n = n;
        this.values = values;
        this.onClose = onClose;
    }

    /** The number of rows (and columns). */
    public int size() {
        return n;
    }

    public float get(int i, int j) {
        return open().get(i * n + j);
    }

    /** Copies row i into {@code into} (length ≥ n). */
    public void copyRow(int i, float[] into) {
        open().get(i * n, into, 0, n);
    }

    /** A read-only view of the n² values, row-major; valid until {@link #close()}. */
    public FloatBuffer values() {
        return open().asReadOnlyBuffer();
    }

    public float[] toArray() {
        float[] copy = new float[Math.multiplyExact(n, n)];
        open().get(0, copy);
        return copy;
    }

    public float[][] toRows() {
        float[][] rows = new float[n][n];
        for (int i = 0; i < n; i++) {
            copyRow(i, rows[i]);
        }
        return rows;
    }

    private FloatBuffer open() {
        if (values == null) {
            throw new IllegalStateException("This similarity matrix was closed and its buffer reused.");
        }
        return values;
    }

    @Override
    public void close() {
        if (values != null) {
            FloatBuffer released = values;
            values = null;
            onClose.accept(released);
        }
    }
}
