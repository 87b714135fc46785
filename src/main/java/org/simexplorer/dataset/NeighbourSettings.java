package org.simexplorer.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Neighbour search (simexplorer.neighbours.*).
 *
 * @param indexFrom the dataset size from which an HNSW index is built and used; below it, and until the index is
 *                  ready, the exact blocked search answers. See docs/scale.md ("Neighbours") for the measurement.
 * @param cache     bytes of normalised rows and indexes kept in memory
 */
@ConfigurationProperties("simexplorer.neighbours")
public record NeighbourSettings(Integer indexFrom, DataSize cache) {

    public NeighbourSettings {
        if (indexFrom == null) indexFrom = 20_000;
        if (cache == null) cache = DataSize.ofMegabytes(256);
    }
}
