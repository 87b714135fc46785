package org.simexplorer.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cluster order (simexplorer.clusters.*).
 *
 * @param kmeansFrom the dataset size from which the heatmap's cluster order and the map's clusters come from
 *                   k-means on the embeddings instead of average linkage on the N×N matrix; see docs/scale.md
 *                   ("Cluster order") for the measurement
 * @param seed       k-means's seed, so that an order is the same on every instance
 */
@ConfigurationProperties("simexplorer.clusters")
public record ClusterSettings(Integer kmeansFrom, Long seed) {

    public ClusterSettings {
        if (kmeansFrom == null) kmeansFrom = 5_000;
        if (seed == null) seed = 42L;
    }
}
