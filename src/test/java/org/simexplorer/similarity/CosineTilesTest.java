package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.simexplorer.errors.InvalidInputException;

/** Tiles against the dense matrix's block means and maxes, at every level and tile, in input and shuffled order. */
class CosineTilesTest {

    private static final int T = TilePyramid.TILE;
    private static MatrixProduct product;
    private static CosineMatrix dense;

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        dense = new CosineMatrix(product);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 600, 1000})
    void everyTileEqualsTheDenseBlockMeanAndMaxInBothOrders(int n) {
        Random random = new Random(n);
        float[][] e = unitRows(n, 48, random);
        float[][] s = dense.cosine(e);
        CosineTiles tiles = new CosineTiles(product, Long.MAX_VALUE);
        for (int[] order : new int[][] {identity(n), shuffled(n, random)}) {
            TilePyramid pyramid = new TilePyramid(n);
            for (int level = 0; level <= pyramid.finest(); level++) {
                for (int row = 0; row < pyramid.tilesPerSide(level); row++) {
                    for (int col = 0; col < pyramid.tilesPerSide(level); col++) {
                        CosineTiles.Tile mean = tiles.mean(e, order, level, row, col);
                        CosineTiles.Tile max = tiles.max(e, order, level, row, col);
                        assertThat(mean.exact()).isTrue();
                        assertThat(max.exact()).isTrue();
                        assertMatches(s, order, pyramid, level, row, col, mean.values(), false);
                        assertMatches(s, order, pyramid, level, row, col, max.values(), true);
                    }
                }
            }
        }
    }

    /** Mean tiles made from block sums are the ones made from the rows, where the pixels cover whole blocks. */
    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void meanTilesFromBlockSumsEqualTheDenseBlockMeansInBothOrders(int span) {
        int n = 1900;
        Random random = new Random(span);
        float[][] e = unitRows(n, 24, random);
        // rows of mixed norms, so that the sums are of normalised rows
        for (float[] row : e) {
            float scale = (float) Math.pow(10, random.nextDouble() * 2 - 1);
            for (int k = 0; k < row.length; k++) row[k] *= scale;
        }
        float[][] s = dense.cosine(e);
        CosineTiles tiles = new CosineTiles(product, Long.MAX_VALUE);
        TilePyramid pyramid = new TilePyramid(n);
        for (int[] order : new int[][] {identity(n), shuffled(n, random)}) {
            BlockSums base = BlockSums.of(e, order, span);
            int used = 0;
            for (int level = 0; level <= pyramid.finest(); level++) {
                if (pyramid.span(level) >= span) used++;
                for (int row = 0; row < pyramid.tilesPerSide(level); row++) {
                    for (int col = 0; col < pyramid.tilesPerSide(level); col++) {
                        CosineTiles.Tile fromSums = tiles.mean(e, order, level, row, col, base);
                        assertMatches(s, order, pyramid, level, row, col, fromSums.values(), false);
                        assertThat(fromSums.values()).isEqualTo(tiles.mean(e, order, level, row, col).values());
                    }
                }
            }
            assertThat(used).isGreaterThanOrEqualTo(2);
            // the overview is made from the sums given, not from the rows: other rows' sums give another tile
            BlockSums other = BlockSums.of(unitRows(n, 24, new Random(99)), order, span);
            assertThat(tiles.mean(e, order, 0, 0, 0, other).values())
                    .isNotEqualTo(tiles.mean(e, order, 0, 0, 0, base).values());
        }
    }

    @Test
    void pyramidLevelsHalveTheResolutionDownToOnePairAPixel() {
        TilePyramid pyramid = new TilePyramid(1000);
        assertThat(pyramid.finest()).isEqualTo(2);
        assertThat(pyramid.span(2)).isEqualTo(1);
        assertThat(pyramid.span(0)).isEqualTo(4);
        assertThat(pyramid.tilesPerSide(0)).isEqualTo(1);
        assertThat(pyramid.tilesPerSide(1)).isEqualTo(2);
        assertThat(pyramid.tilesPerSide(2)).isEqualTo(4);
        assertThat(pyramid.pixelsInside(2, 3)).isEqualTo(1000 - 3 * T);
        assertThat(pyramid.pixelsInside(0, 0)).isEqualTo(250);
        assertThat(new TilePyramid(256).finest()).isZero();
        assertThat(new TilePyramid(257).finest()).isEqualTo(1);
        assertThat(new TilePyramid(100_000).finest()).isEqualTo(9);
    }

    @Test
    void edgeTilesHoldThePastEndSentinelBeyondN() {
        float[][] e = unitRows(300, 16, new Random(3));
        CosineTiles.Tile tile = new CosineTiles(product, Long.MAX_VALUE).mean(e, identity(300), 1, 1, 0);
        // rows 256..299 are real, 300.. are past the end; all 256 columns are real
        assertThat(tile.values()[(299 - 256) * T + 255]).isNotEqualTo(TilePyramid.PAST_END);
        assertThat(tile.values()[(300 - 256) * T]).isEqualTo(TilePyramid.PAST_END);
        assertThat(tile.values()[255 * T + 255]).isEqualTo(TilePyramid.PAST_END);
    }

    @Test
    void maxOverTheWorkBoundReadsAStrideAndSaysItIsNotExact() {
        int n = 1000;
        float[][] e = unitRows(n, 1024, new Random(5));
        float[][] s = dense.cosine(e);
        CosineTiles.Tile tile = new CosineTiles(product, CosineTiles.MIN_WORK).max(e, identity(n), 0, 0, 0);
        assertThat(tile.exact()).isFalse();
        assertThat(tile.stride()).isEqualTo(4);
        // the max of every fourth sentence (offset 0 of each 4-block): a lower bound of the exact block max
        for (int a = 0; a < 250; a++) {
            for (int b = 0; b < 250; b++) {
                double exact = Double.NEGATIVE_INFINITY;
                for (int i = 4 * a; i < 4 * a + 4; i++) {
                    for (int j = 4 * b; j < 4 * b + 4; j++) exact = Math.max(exact, s[i][j]);
                }
                short value = tile.values()[a * T + b];
                assertThat(value).isEqualTo(CosineTiles.quantise(s[4 * a][4 * b]));
                assertThat((int) value).isLessThanOrEqualTo(CosineTiles.quantise(exact) + 1);
            }
        }
    }

    @Test
    void tilesOutsideThePyramidNameTheirField() {
        float[][] e = unitRows(300, 8, new Random(7));
        CosineTiles tiles = new CosineTiles(product, Long.MAX_VALUE);
        assertThatThrownBy(() -> tiles.mean(e, identity(300), 2, 0, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Level 2");
        assertThatThrownBy(() -> tiles.mean(e, identity(300), 1, 2, 0))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        x -> assertThat(x.properties()).containsEntry("field", "row"));
        assertThatThrownBy(() -> tiles.max(e, identity(300), 0, 0, -1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        x -> assertThat(x.properties()).containsEntry("field", "col"));
    }

    private static void assertMatches(float[][] s, int[] order, TilePyramid pyramid, int level, int row, int col,
            short[] values, boolean max) {
        int span = pyramid.span(level);
        int n = s.length;
        for (int a = 0; a < T; a++) {
            for (int b = 0; b < T; b++) {
                long r0 = pyramid.start(level, row, a);
                long c0 = pyramid.start(level, col, b);
                short value = values[a * T + b];
                if (r0 >= n || c0 >= n) {
                    if (value != TilePyramid.PAST_END) fail(level, row, col, a, b, value, TilePyramid.PAST_END);
                    continue;
                }
                double sum = 0;
                double best = Double.NEGATIVE_INFINITY;
                int count = 0;
                for (long r = r0; r < Math.min(n, r0 + span); r++) {
                    for (long c = c0; c < Math.min(n, c0 + span); c++) {
                        float v = s[order[(int) r]][order[(int) c]];
                        sum += v;
                        best = Math.max(best, v);
                        count++;
                    }
                }
                short expected = CosineTiles.quantise(max ? best : sum / count);
                if (Math.abs(value - expected) > 1) fail(level, row, col, a, b, value, expected);
            }
        }
    }

    private static void fail(int level, int row, int col, int a, int b, short value, short expected) {
        throw new AssertionError("level " + level + " tile " + row + "," + col + " pixel " + a + "," + b + ": "
                + value + ", expected " + expected);
    }

    static float[][] unitRows(int n, int d, Random random) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                row[k] = (float) random.nextGaussian();
                norm += row[k] * row[k];
            }
            for (int k = 0; k < d; k++) row[k] /= (float) Math.sqrt(norm);
        }
        return rows;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        return order;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = identity(n);
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        return order;
    }
}
