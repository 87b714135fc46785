package org.simexplorer.cli;

import static org.simexplorer.cli.Timings.kv;
import static org.simexplorer.cli.Timings.loadAverage;
import static org.simexplorer.cli.Timings.median;
import static org.simexplorer.cli.Timings.min;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.simexplorer.dataset.CacheBudget;
import org.simexplorer.dataset.DatasetTiles;
import org.simexplorer.dataset.TileCache;
import org.simexplorer.dataset.TileProperties;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.similarity.BlockSums;
import org.simexplorer.similarity.CosineTiles;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.TilePyramid;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench tiles}: heatmap tiles as the server computes them, on random unit vectors (fixed seed, D = 384) in
 * a shuffled order: the overview tile (level 0) cold and from the tile cache, and a zoomed tile (the finest level,
 * one pair a pixel), for mean and max. Cold figures are the best and median of runs that each compute anew.
 */
@Component
@Profile("cli")
class TileBenchCommand implements CliCommand {

    private static final int DIMENSION = 384;
    private static final long SEED = 42;

    private final MatrixProduct product;
    private final TileProperties properties;

    TileBenchCommand(MatrixProduct product, TileProperties properties) {
        this.product = product;
        this.properties = properties;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "tiles");
    }

    @Override
    public String usage() {
        return "bench tiles [--sizes=5000,100000] [--runs=7] [--warmup=2]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, "sizes", "runs", "warmup").noWords();
        int[] sizes = arguments.integers("sizes", 5000, 100_000);
        int runs = arguments.integer("runs", 7);
        int warmup = arguments.integer("warmup", 2);
        out.println("bench=tiles");
        out.println("dimension=" + DIMENSION);
        out.println("seed=" + SEED);
        out.println("cores=" + Runtime.getRuntime().availableProcessors());
        out.println("max_exact_work=" + properties.maxExactWork());
        out.println("timing=best_and_median_of_" + runs + "_runs_after_" + warmup + "_warmup_runs");
        out.println("load_average_start=" + loadAverage());
        CosineTiles tiles = new CosineTiles(product, properties.maxExactWork());
        for (int n : sizes) bench(tiles, n, runs, warmup, out);
        out.println("load_average_end=" + loadAverage());
        return 0;
    }

    private void bench(CosineTiles tiles, int n, int runs, int warmup, PrintStream out) {
        Random random = new Random(SEED);
        float[][] embeddings = SimilarityBenchCommand.randomUnitVectors(n, DIMENSION, random);
        int[] order = shuffled(n, random);
        TilePyramid pyramid = new TilePyramid(n);
        int finest = pyramid.finest();
        int middle = pyramid.tilesPerSide(finest) / 2;
        String key = "n" + n;
        out.println(kv("finest_level_" + key, finest));
        for (String stat : List.of("mean", "max")) {
            boolean mean = stat.equals("mean");
            CosineTiles.Tile overview = time(out, stat + "_overview_cold_" + key, runs, warmup,
                    () -> mean ? tiles.mean(embeddings, order, 0, 0, 0) : tiles.max(embeddings, order, 0, 0, 0));
            out.println(stat + "_overview_exact_" + key + "=" + overview.exact());
            if (mean && pyramid.span(0) >= DatasetTiles.BASE_SPAN) {
                // the server's route for coarse mean tiles: the order's block sums once, then each tile from them
                BlockSums[] base = new BlockSums[1];
                time(out, "mean_block_sums_" + key, runs, warmup, () -> {
                    base[0] = BlockSums.of(embeddings, order, DatasetTiles.BASE_SPAN);
                    return null;
                });
                time(out, "mean_overview_from_sums_" + key, runs, warmup,
                        () -> tiles.mean(embeddings, order, 0, 0, 0, base[0]));
                time(out, "mean_level1_from_sums_" + key, runs, warmup,
                        () -> tiles.mean(embeddings, order, 1, 0, 1, base[0]));
            }
            out.println(stat + "_overview_stride_" + key + "=" + overview.stride());
            time(out, stat + "_zoomed_cold_" + key, runs, warmup, () -> mean
                    ? tiles.mean(embeddings, order, finest, middle, middle + 1)
                    : tiles.max(embeddings, order, finest, middle, middle + 1));
        }
        // a cache hit: the key lookup and the finished value, as a second request for the tile gets it
        TileCache cache = new TileCache(new CacheBudget(null, null, null));
        TileCache.TileKey tile = new TileCache.TileKey("cluster", "MEAN", 0, 0, 0);
        ModelCatalog.Resolved model = new ModelCatalog.Resolved("bench", 0);
        cache.get(1, model, n, tile, () -> tiles.mean(embeddings, order, 0, 0, 0));
        time(out, "mean_overview_cached_" + key, runs * 100, warmup * 100, () -> cache.get(1, model, n, tile, () -> {
            throw new IllegalStateException("the tile should be cached");
        }));
    }

    private static CosineTiles.Tile time(PrintStream out, String name, int runs, int warmup,
            Supplier<CosineTiles.Tile> task) {
        double[] ms = new double[runs];
        CosineTiles.Tile last = null;
        for (int r = -warmup; r < runs; r++) {
            long start = System.nanoTime();
            last = task.get();
            if (r >= 0) ms[r] = (System.nanoTime() - start) / 1e6;
        }
        out.println(kv(name + "_ms_best", min(ms)));
        out.println(kv(name + "_ms_median", median(ms)));
        return last;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        for (int k = n - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        return order;
    }
}
