package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.apache.lucene.util.hnsw.NeighborQueue;

/**
 * Exact top-k by cosine: the queries times the rows, a block of rows at a time on {@link MatrixProduct}'s route,
 * each block's products pushed through a bounded heap per query. Nothing larger than a block of queries times a
 * block of rows (blockRows² floats) is ever held, whatever N is. Ties go to the lower row index.
 */
public final class ExactNeighbours {

    /** 1,024² floats (4 MB) per product: big enough for the Gemm route to run near its peak. */
    public static final int DEFAULT_BLOCK_ROWS = 1024;

    private final MatrixProduct product;
    private final int blockRows;

    public ExactNeighbours(MatrixProduct product) {
        this(product, DEFAULT_BLOCK_ROWS);
    }

    public ExactNeighbours(MatrixProduct product, int blockRows) {
        if (blockRows < 1) throw new IllegalArgumentException("blockRows must be positive, not " + blockRows);
        this.product = product;
        this.blockRows = blockRows;
    }

    /** The k nearest rows of row {@code row}, itself left out. */
    public NeighbourList ofRow(NormalizedRows x, int row, int k) {
        return ofRows(x, new int[] {row}, k)[0];
    }

    /** The k nearest rows of each given row, each left out of its own list. */
    public NeighbourList[] ofRows(NormalizedRows x, int[] rows, int k) {
        FloatBuffer queries = MatrixProduct.allocate((long) rows.length * x.d());
        float[] row = new float[x.d()];
        for (int q = 0; q < rows.length; q++) {
            x.rows().get(rows[q] * x.d(), row);
            queries.put(q * x.d(), row);
        }
        return search(x, queries, rows.length, rows, k);
    }

    /** The k nearest rows of a query vector (normalised by the caller, so the scores are cosines). */
    public NeighbourList ofVector(NormalizedRows x, float[] query, int k) {
        FloatBuffer queries = MatrixProduct.allocate(x.d()).put(0, query);
        return search(x, queries, 1, new int[] {-1}, k)[0];
    }

    /**
     * The k nearest rows of {@code x} for every row of {@code queries} (another set of normalised rows of the same
     * dimension, read in place): queries.n·x.n·D work in blocks, nothing left out.
     */
    public NeighbourList[] ofRowsOf(NormalizedRows queries, NormalizedRows x, int k) {
        if (queries.d() != x.d()) throw new IllegalArgumentException(queries.d() + " columns against " + x.d());
        int[] none = new int[queries.n()];
        Arrays.fill(none, -1);
        return search(x, queries.rows(), queries.n(), none, k);
    }

    /** The k nearest rows of every row: N·N·D work, but still only blocks in memory. */
    public NeighbourList[] ofAll(NormalizedRows x, int k) {
        int[] self = new int[x.n()];
        for (int i = 0; i < self.length; i++) self[i] = i;
        return search(x, x.rows(), x.n(), self, k);
    }

    /**
     * @param queries m×d row-major, direct and native-order
     * @param exclude for each query, a row to leave out (its own), or -1
     */
    NeighbourList[] search(NormalizedRows x, FloatBuffer queries, int m, int[] exclude, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be positive, not " + k);
        int n = x.n();
        int d = x.d();
        NeighbourList[] result = new NeighbourList[m];
        int block = Math.min(blockRows, Math.max(1, n));
        int queryBlock = Math.min(blockRows, Math.max(1, m));
        FloatBuffer products = MatrixProduct.allocate((long) queryBlock * block);
        for (int q0 = 0; q0 < m; q0 += queryBlock) {
            int qb = Math.min(queryBlock, m - q0);
            NeighborQueue[] heaps = new NeighborQueue[qb];
            for (int q = 0; q < qb; q++) heaps[q] = new NeighborQueue(k, false);
            FloatBuffer queryRows = queries.duplicate().position(q0 * d);
            for (int r0 = 0; r0 < n; r0 += block) {
                int rb = Math.min(block, n - r0);
                product.timesTransposed(queryRows, qb, x.rows().duplicate().position(r0 * d), rb, d, products);
                for (int q = 0; q < qb; q++) {
                    int own = exclude[q0 + q];
                    NeighborQueue heap = heaps[q];
                    int base = q * rb;
                    for (int r = 0; r < rb; r++) {
                        if (r0 + r != own) heap.insertWithOverflow(r0 + r, products.get(base + r));
                    }
                }
            }
            for (int q = 0; q < qb; q++) result[q0 + q] = drain(heaps[q]);
        }
        return result;
    }

    /** The heap pops its worst first: fill the list from the back. */
    static NeighbourList drain(NeighborQueue heap) {
        int size = heap.size();
        int[] rows = new int[size];
        float[] similarities = new float[size];
        for (int t = size - 1; t >= 0; t--) {
            similarities[t] = heap.topScore();
            rows[t] = heap.pop();
        }
        return new NeighbourList(rows, similarities);
    }
}
