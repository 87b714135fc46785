package org.simexplorer.dataset;

import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.similarity.BlockSums;
import org.simexplorer.similarity.CosineTiles;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.TilePyramid;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A dataset's heatmap as a pyramid of tiles (see {@link TilePyramid}), each computed when first asked from the
 * dataset's embeddings under a model, and then kept in the {@link TileCache}. Computing a tile runs under the N×N
 * concurrency limit, as the whole matrix does.
 */
@Service
public class DatasetTiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatasetTiles.class);

    /** The statistic a pixel shows over its block of pairs. */
    public enum Stat {
        MEAN, MAX;

        /** "mean" or "max"; anything else is a 400 naming {@code stat}. */
        public static Stat parse(String stat) {
            return switch (stat) {
                case "mean" -> MEAN;
                case "max" -> MAX;
                default -> throw new InvalidInputException("stat", "Unknown stat '" + stat + "': use mean or max.");
            };
        }
    }

    /**
     * What the page needs to draw from tiles.
     *
     * @param order display position → sentence index
     */
    public record Pyramid(String model, int n, int finest, int tiledAbove, int[] order) {
    }

    /**
     * Display positions per block of the sums the coarse mean tiles are made from: levels whose pixels cover at
     * least this many positions (the overview from 16,385 sentences on) add up blocks, the finer ones read at most
     * 256·32 rows a side. The sums take N·D/8 bytes an order (4.8 MB at 100,000 sentences of 384 values).
     */
    public static final int BASE_SPAN = 64;

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final DatasetSimilarity similarity;
    private final TileCache cache;
    private final CosineTiles tiles;
    private final ConcurrencyLimit matrixWork;
    private final TileProperties properties;

    DatasetTiles(DatasetService datasets, DatasetEmbeddings embeddings, DatasetSimilarity similarity, TileCache cache,
            MatrixProduct product, ConcurrencyLimits limits, TileProperties properties) {
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.similarity = similarity;
        this.cache = cache;
        this.tiles = new CosineTiles(product, properties.maxExactWork());
        this.matrixWork = limits.matrix();
        this.properties = properties;
    }

    public Pyramid pyramid(long datasetId, String model, boolean cluster) {
        Dataset dataset = datasets.get(datasetId);
        String modelId = datasets.modelOf(dataset, model);
        int[] order = similarity.order(datasetId, modelId, cluster);
        return new Pyramid(modelId, order.length, new TilePyramid(order.length).finest(), properties.tiledAbove(),
                order);
    }

    /**
     * The tile, from the cache or computed now.
     *
     * @throws InvalidInputException for a tile outside the pyramid (naming level, row or col)
     */
    public CosineTiles.Tile tile(long datasetId, String model, boolean cluster, Stat stat, int level, int row,
            int col) {
        Dataset dataset = datasets.get(datasetId);
        ModelCatalog.Resolved resolved = datasets.resolve(dataset, model);
        int n = datasets.sentenceCount(datasetId);
        new TilePyramid(n).check(level, row, col);
        TileCache.TileKey key = key(cluster, stat, level, row, col);
        return cache.get(datasetId, resolved, n, key, () -> matrixWork.call(() -> {
            Embeddings vectors = embeddings.of(dataset, resolved, n);
            int[] order = similarity.order(datasetId, resolved.id(), cluster);
            if (stat == Stat.MAX) return tiles.max(vectors.vectors(), order, level, row, col);
            BlockSums base = new TilePyramid(n).span(level) >= BASE_SPAN
                    ? blockSums(datasetId, resolved, n, cluster, vectors, order) : null;
            return tiles.mean(vectors.vectors(), order, level, row, col, base);
        }));
    }

    private BlockSums blockSums(long datasetId, ModelCatalog.Resolved model, int n, boolean cluster,
            Embeddings vectors, int[] order) {
        return cache.blockSums(datasetId, model, n, cluster ? "cluster" : "input",
                () -> BlockSums.of(vectors.vectors(), order, BASE_SPAN));
    }

    /**
     * Sums the input order's blocks of a dataset whose vectors are in memory, so that its first mean tiles at the
     * coarse levels need no pass over the N rows; for the background, after a dataset job.
     */
    void prepare(long datasetId) {
        Dataset dataset = datasets.get(datasetId);
        ModelCatalog.Resolved own = DatasetService.own(dataset);
        int n = datasets.sentenceCount(datasetId);
        if (new TilePyramid(n).span(0) < BASE_SPAN || !embeddings.holds(dataset, n)) return;
        Embeddings vectors = embeddings.of(dataset, own, n);
        blockSums(datasetId, own, n, false, vectors, similarity.order(datasetId, own.id(), false));
    }

    /**
     * Computes a mean and a max tile of random vectors once the app is ready, in the background, so that the
     * first tile a user asks for does not also pay for compiling the tile code and building its Gemm route.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            java.util.Random random = new java.util.Random(1);
            float[][] vectors = new float[2048][384];
            for (float[] vector : vectors) {
                for (int t = 0; t < vector.length; t++) vector[t] = (float) random.nextGaussian();
            }
            int[] order = java.util.stream.IntStream.range(0, vectors.length).toArray();
            try {
                for (int level = 0; level <= 1; level++) {
                    tiles.mean(vectors, order, level, 0, 0);
                    tiles.max(vectors, order, level, 0, 0);
                }
            } catch (RuntimeException e) {
                log.debug("The tile warm-up did not finish", e);
            }
        }, "tile-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Whether the tile is cached now, for tests and benchmarks. */
    public boolean cached(long datasetId, String model, boolean cluster, Stat stat, int level, int row, int col) {
        Dataset dataset = datasets.get(datasetId);
        return cache.contains(datasetId, datasets.resolve(dataset, model), datasets.sentenceCount(datasetId),
                key(cluster, stat, level, row, col));
    }

    private static TileCache.TileKey key(boolean cluster, Stat stat, int level, int row, int col) {
        return new TileCache.TileKey(cluster ? "cluster" : "input", stat.name(), level, row, col);
    }
}
