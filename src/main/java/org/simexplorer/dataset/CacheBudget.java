package org.simexplorer.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Byte budgets of the in-memory caches (simexplorer.cache.*). A 5,000-sentence matrix takes 100 MB, so the
 * default matrix budget holds two of them; 5,000 embeddings of 384 floats take 7.7 MB.
 */
@ConfigurationProperties("simexplorer.cache")
public record CacheBudget(DataSize matrix, DataSize embeddings, DataSize tiles) {

    public CacheBudget {
        // a heatmap tile takes 128 KB, so the default holds 512 of them
        if (tiles == null) tiles = DataSize.ofMegabytes(64);
        if (matrix == null) matrix = DataSize.ofMegabytes(256);
        if (embeddings == null) embeddings = DataSize.ofMegabytes(192);
    }
}
