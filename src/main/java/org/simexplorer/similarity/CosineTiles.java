package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Tiles of the cosine matrix S = X Xᵀ (X: the embeddings with each row divided by max(‖row‖, 1e-12)), computed
 * from the embeddings alone on {@link MatrixProduct}'s Gemm route; no N×N array exists at any step. Values are
 * quantised as the whole-matrix int16 form is: round(S·10⁴) clamped to ±10⁴; pixels past N hold
 * {@link TilePyramid#PAST_END}. Blocks on the diagonal include their self-pairs, as the dense matrix's diagonal
 * does.
 *
 * <ul>
 *   <li>mean: by mean_{i∈A, j∈B} xᵢ·xⱼ = (Σ_A xᵢ)·(Σ_B xⱼ)/(|A||B|), one 256×256 Gemm of block sums at any
 *   level. Exact.</li>
 *   <li>max: the block products in chunks of rows and columns. When a tile's pairs times D exceed
 *   {@code maxExactWork} multiply-adds, only every stride-th sentence of each block is read (the smallest power of
 *   two that fits): the value is then the max over those pairs, a lower bound of the true max, and the tile says
 *   it is not exact.</li>
 * </ul>
 */
public final class CosineTiles {

    /** The smallest work bound: one sentence per pixel side at D = 1,024. */
    public static final long MIN_WORK = (long) TilePyramid.TILE * TilePyramid.TILE * 1024;
    private static final int ROW_CHUNK = 512;
    private static final int COLUMN_CHUNK = 4096;

    private final MatrixProduct product;
    private final long maxExactWork;

    /** @param maxExactWork the multiply-adds a max tile may take before it reads a stride of each block */
    public CosineTiles(MatrixProduct product, long maxExactWork) {
        this.product = product;
        this.maxExactWork = Math.max(MIN_WORK, maxExactWork);
    }

    /**
     * One tile: {@link TilePyramid#TILE}² int16 values row-major.
     *
     * @param exact  whether every value is the statistic over all of its block's pairs
     * @param stride 1 when exact; else the stride of the sentences a max tile read within each block
     * @param span   the sentences a pixel covers along each side
     */
    public record Tile(short[] values, boolean exact, int stride, int span) {

        /** What a cache counts for it. */
        public long bytes() {
            return 64 + 2L * values.length;
        }
    }

    /**
     * The mean tile (level, row, col) of the embeddings shown in {@code order} (display position → sentence).
     *
     * @throws org.simexplorer.errors.InvalidInputException for a tile outside the pyramid
     */
    public Tile mean(float[][] embeddings, int[] order, int level, int row, int col) {
        return mean(embeddings, order, level, row, col, null);
    }

    /**
     * As {@link #mean(float[][], int[], int, int, int)}, with the pixels' sums taken from {@code base} (sums over
     * blocks of this order) wherever a pixel covers whole blocks of it; null to read the rows.
     */
    public Tile mean(float[][] embeddings, int[] order, int level, int row, int col, BlockSums base) {
        TilePyramid pyramid = pyramid(embeddings, order, level, row, col);
        int d = dimension(embeddings);
        int rows = pyramid.pixelsInside(level, row);
        int cols = pyramid.pixelsInside(level, col);
        short[] values = pastEnd();
        if (rows == 0 || cols == 0) return new Tile(values, true, 1, pyramid.span(level));
        FloatBuffer rowSums = product.takeScratch(rows * d);
        FloatBuffer colSums = row == col ? rowSums : product.takeScratch(cols * d);
        FloatBuffer dots = product.takeScratch(rows * cols);
        try {
            if (base != null && !base.fits(order.length, d)) {
                throw new IllegalArgumentException("the block sums were made for other rows than these " + order.length
                        + " of " + d + " values");
            }
            BlockSums from = base != null && pyramid.span(level) >= base.span() ? base : null;
            int[] rowCounts = BlockSums.pixelSums(embeddings, order, pyramid, level, row, rows, d, rowSums, from);
            int[] colCounts = row == col ? rowCounts
                    : BlockSums.pixelSums(embeddings, order, pyramid, level, col, cols, d, colSums, from);
            product.timesTransposed(rowSums, rows, colSums, cols, d, dots);
            for (int a = 0; a < rows; a++) {
                for (int b = 0; b < cols; b++) {
                    double mean = dots.get(a * cols + b) / ((double) rowCounts[a] * colCounts[b]);
                    values[a * TilePyramid.TILE + b] = quantise(mean);
                }
            }
            return new Tile(values, true, 1, pyramid.span(level));
        } finally {
            product.giveBack(rowSums);
            if (colSums != rowSums) product.giveBack(colSums);
            product.giveBack(dots);
        }
    }

    /**
     * The max tile (level, row, col), exact while its work is within the bound (see the class comment).
     *
     * @throws org.simexplorer.errors.InvalidInputException for a tile outside the pyramid
     */
    public Tile max(float[][] embeddings, int[] order, int level, int row, int col) {
        TilePyramid pyramid = pyramid(embeddings, order, level, row, col);
        int d = dimension(embeddings);
        short[] values = pastEnd();
        if (pyramid.pixelsInside(level, row) == 0 || pyramid.pixelsInside(level, col) == 0) {
            return new Tile(values, true, 1, pyramid.span(level));
        }
        int stride = 1;
        while (stride < pyramid.span(level) && (double) picked(pyramid, level, row, stride)
                * picked(pyramid, level, col, stride) * d > maxExactWork) {
            stride *= 2;
        }
        int[][] rowPicks = picks(pyramid, order, level, row, stride);
        int[][] colPicks = picks(pyramid, order, level, col, stride);
        float[] max = new float[TilePyramid.TILE * TilePyramid.TILE];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        blockMax(embeddings, d, rowPicks, colPicks, max);
        for (int k = 0; k < max.length; k++) {
            if (max[k] != Float.NEGATIVE_INFINITY) values[k] = quantise(max[k]);
        }
        return new Tile(values, stride == 1, stride, pyramid.span(level));
    }

    private void blockMax(float[][] e, int d, int[][] rowPicks, int[][] colPicks, float[] max) {
        int[] rowItems = rowPicks[0];
        int[] rowPixels = rowPicks[1];
        int[] colItems = colPicks[0];
        int[] colPixels = colPicks[1];
        int colChunk = Math.min(COLUMN_CHUNK, colItems.length);
        int rowChunk = Math.min(ROW_CHUNK, rowItems.length);
        FloatBuffer a = product.takeScratch(rowChunk * d);
        FloatBuffer b = product.takeScratch(colChunk * d);
        FloatBuffer dots = product.takeScratch(rowChunk * colChunk);
        float[] line = new float[colChunk];
        try {
            for (int c0 = 0; c0 < colItems.length; c0 += colChunk) {
                int cn = Math.min(colChunk, colItems.length - c0);
                gather(e, colItems, c0, cn, d, b);
                for (int r0 = 0; r0 < rowItems.length; r0 += rowChunk) {
                    int rn = Math.min(rowChunk, rowItems.length - r0);
                    gather(e, rowItems, r0, rn, d, a);
                    product.timesTransposed(a, rn, b, cn, d, dots);
                    for (int r = 0; r < rn; r++) {
                        dots.get(r * cn, line, 0, cn);
                        int base = rowPixels[r0 + r] * TilePyramid.TILE;
                        for (int c = 0; c < cn; c++) {
                            int k = base + colPixels[c0 + c];
                            if (line[c] > max[k]) max[k] = line[c];
                        }
                    }
                }
            }
        } finally {
            product.giveBack(a);
            product.giveBack(b);
            product.giveBack(dots);
        }
    }

    /** Sentences read along one side at a stride: within each pixel's block, offsets 0, stride, 2·stride, … */
    private static long picked(TilePyramid pyramid, int level, int tile, int stride) {
        long count = 0;
        int pixels = pyramid.pixelsInside(level, tile);
        for (int p = 0; p < pixels; p++) count += (blockLength(pyramid, level, tile, p) + stride - 1) / stride;
        return count;
    }

    /** {sentence indices, pixel of each} of the sentences read along one side. */
    private static int[][] picks(TilePyramid pyramid, int[] order, int level, int tile, int stride) {
        int count = (int) picked(pyramid, level, tile, stride);
        int[] items = new int[count];
        int[] pixels = new int[count];
        int k = 0;
        int pixelCount = pyramid.pixelsInside(level, tile);
        for (int p = 0; p < pixelCount; p++) {
            int first = (int) pyramid.start(level, tile, p);
            int length = blockLength(pyramid, level, tile, p);
            for (int offset = 0; offset < length; offset += stride) {
                items[k] = order[first + offset];
                pixels[k++] = p;
            }
        }
        return new int[][] {items, pixels};
    }

    static int blockLength(TilePyramid pyramid, int level, int tile, int pixel) {
        long first = pyramid.start(level, tile, pixel);
        return (int) Math.max(0, Math.min(pyramid.span(level), pyramid.n() - first));
    }


    /** Copies rows x_{items[from..from+count)} into {@code into}, normalised. */
    private static void gather(float[][] e, int[] items, int from, int count, int d, FloatBuffer into) {
        float[] row = new float[d];
        for (int k = 0; k < count; k++) {
            float[] v = e[items[from + k]];
            float scale = (float) inverseNorm(v);
            for (int t = 0; t < d; t++) row[t] = v[t] * scale;
            into.put(k * d, row);
        }
    }

    static double inverseNorm(float[] v) {
        return 1.0 / Math.max(CosineMatrix.norm(v), CosineMatrix.EPSILON);
    }

    /** round(S·10⁴) clamped to ±10⁴, as the whole-matrix int16 form. */
    public static short quantise(double cosine) {
        long scaled = Math.round(cosine * 10000.0);
        return (short) Math.max(-10000, Math.min(10000, scaled));
    }

    private static TilePyramid pyramid(float[][] embeddings, int[] order, int level, int row, int col) {
        if (order.length != embeddings.length) {
            throw new IllegalArgumentException("order has " + order.length + " positions for " + embeddings.length
                    + " sentences");
        }
        TilePyramid pyramid = new TilePyramid(embeddings.length);
        pyramid.check(level, row, col);
        return pyramid;
    }

    private static int dimension(float[][] embeddings) {
        return embeddings.length == 0 ? 0 : embeddings[0].length;
    }

    private static short[] pastEnd() {
        short[] values = new short[TilePyramid.TILE * TilePyramid.TILE];
        Arrays.fill(values, TilePyramid.PAST_END);
        return values;
    }
}
