package org.simexplorer.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tiled heatmap (simexplorer.tiles.*).
 *
 * @param tiledAbove   datasets with more sentences than this are drawn from tiles; up to it the page fetches the
 *                     whole int16 matrix, which is one request and needs no further round trips while zooming
 * @param maxExactWork multiply-adds a max tile may take before it reads a stride of each block (not exact then)
 */
@ConfigurationProperties("simexplorer.tiles")
public record TileProperties(Integer tiledAbove, Long maxExactWork) {

    public TileProperties {
        if (tiledAbove == null) tiledAbove = 3000;
        if (maxExactWork == null) maxExactWork = 20_000_000_000L;
    }
}
