package org.simexplorer.dataset;

import java.util.function.Supplier;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.similarity.BlockSums;
import org.simexplorer.similarity.CosineTiles;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Heatmap tiles within a byte budget (simexplorer.cache.tiles, default 64 MB: 512 tiles), keyed by dataset, model
 * and its version, dataset state (its size), order, statistic, level, row and column. A dataset's tiles go when it changes, and a
 * model's when that model is forgotten.
 */
@Component
public class TileCache {

    private final ByteBudgetCache<CosineTiles.Tile> cache;
    /** The block sums the coarse tiles of an order are made from, within a quarter of the tiles' budget. */
    private final ByteBudgetCache<BlockSums> sums;

    public TileCache(CacheBudget budget) {
        this.cache = new ByteBudgetCache<>(budget.tiles().toBytes(), CosineTiles.Tile::bytes);
        this.sums = new ByteBudgetCache<>(budget.tiles().toBytes() / 4, BlockSums::bytes);
    }

    /** The block sums of one order in one dataset state, or the loader's (computed once however many ask). */
    BlockSums blockSums(long datasetId, ModelCatalog.Resolved model, int size, String order, Supplier<BlockSums> loader) {
        return sums.get(new ByteBudgetCache.Key(datasetId, model, size, order), loader);
    }

    /** A tile within one dataset state: its order, statistic and place in the pyramid. */
    public record TileKey(String order, String stat, int level, int row, int col) {

        String view() {
            return order + "/" + stat + "/" + level + "/" + row + "/" + col;
        }
    }

    /** The cached tile, or the loader's (computed once however many ask at the same time). */
    public CosineTiles.Tile get(long datasetId, ModelCatalog.Resolved model, int size, TileKey tile,
            Supplier<CosineTiles.Tile> loader) {
        return cache.get(new ByteBudgetCache.Key(datasetId, model, size, tile.view()), loader);
    }

    boolean contains(long datasetId, ModelCatalog.Resolved model, int size, TileKey tile) {
        return cache.getIfPresent(new ByteBudgetCache.Key(datasetId, model, size, tile.view())) != null;
    }

    void invalidateModel(String model) {
        cache.invalidate(model);
        sums.invalidate(model);
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        cache.invalidate(changed.datasetId());
        sums.invalidate(changed.datasetId());
    }

    /** Tiles held now, for metrics and tests. */
    public long entries() {
        cache.cleanUp();
        return cache.size();
    }
}
