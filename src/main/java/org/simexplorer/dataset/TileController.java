package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.simexplorer.similarity.CosineTiles;
import org.simexplorer.similarity.TilePyramid;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets/{id}/tiles")
@Tag(name = "Datasets")
class TileController {

    static final String EXACT = "Tile-Exact";
    static final String STRIDE = "Tile-Stride";
    static final String SPAN = "Tile-Span";
    private static final String PYRAMID = "Level 0 is the overview: one tile covers all N sentences. Each finer level"
            + " doubles the resolution; at the finest level (the smallest L with 256·2^L ≥ N) one pixel is one pair."
            + " At level ℓ a pixel covers 2^(L−ℓ) sentences a side, and tile (row, col) starts at display position"
            + " row·256·2^(L−ℓ) down and col·256·2^(L−ℓ) across, in the chosen order. Blocks on the diagonal include"
            + " their self-pairs.";
    private static final String LAYOUT = "256×256 int16 LE, row-major: round(S·10000) clamped to ±10000 (the mean or"
            + " max of the pixel's block); -32768 for pixels past the last sentence";
    private static final String ORDER = "input keeps the sentences' order; cluster uses the heatmap's cluster order";
    private static final String MODEL = "another catalogue model or an adapter (<base>:<name>);"
            + " the dataset's own by default";

    private final DatasetTiles tiles;

    TileController(DatasetTiles tiles) {
        this.tiles = tiles;
    }

    @Operation(summary = "The tile pyramid of the dataset's heatmap: its size, finest level and display order",
            description = PYRAMID + " tiledAbove: the page draws from tiles above this many sentences.")
    @ProblemResponses({400, 404, 503})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    PyramidJson pyramid(@PathVariable long id, @Parameter(description = ORDER, schema = @Schema(
            allowableValues = {"input", "cluster"})) @RequestParam(defaultValue = "input") String order,
            @Parameter(description = MODEL) @RequestParam(required = false) String model) {
        DatasetTiles.Pyramid pyramid = tiles.pyramid(id, model, SimilarityMatrixController.clusterOrder(order));
        return new PyramidJson(pyramid.model(), pyramid.n(), TilePyramid.TILE, pyramid.finest(),
                TilePyramid.PAST_END, pyramid.tiledAbove(), pyramid.order());
    }

    record PyramidJson(String model, int n, int tileSize, int finest, int pastEnd, int tiledAbove, int[] order) {
    }

    @Operation(summary = "One tile of the dataset's heatmap, computed from the embeddings (no N×N matrix)",
            description = PYRAMID + " mean is exact at every level. max is exact while the tile's pairs times the"
                    + " dimension stay within simexplorer.tiles.max-exact-work; past it every Tile-Stride-th sentence"
                    + " of each block is read, so the value is a lower bound of the max, and Tile-Exact is false.")
    @ApiResponse(responseCode = "200", description = "Headers: Tile-Exact (true|false), Tile-Stride, Tile-Span"
            + " (sentences a pixel covers a side)", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary", description = LAYOUT)))
    @ProblemResponses({400, 404, 503})
    @GetMapping(path = "/{level}/{row}/{col}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> tile(@PathVariable long id,
            @Parameter(description = "0 (the overview) to the finest level, where one pixel is one pair")
            @PathVariable int level,
            @Parameter(description = "the tile's row at its level, from 0") @PathVariable int row,
            @Parameter(description = "the tile's column at its level, from 0") @PathVariable int col,
            @Parameter(description = ORDER, schema = @Schema(allowableValues = {"input", "cluster"}))
            @RequestParam(defaultValue = "input") String order,
            @Parameter(description = "what a pixel shows over its block of pairs: their mean or their max",
                    schema = @Schema(allowableValues = {"mean", "max"})) @RequestParam(defaultValue = "mean")
            String stat, @Parameter(description = MODEL) @RequestParam(required = false) String model) {
        boolean cluster = SimilarityMatrixController.clusterOrder(order);
        DatasetTiles.Stat statistic = DatasetTiles.Stat.parse(stat);
        CosineTiles.Tile tile = tiles.tile(id, model, cluster, statistic, level, row, col);
        ByteBuffer body = ByteBuffer.allocate(2 * tile.values().length).order(ByteOrder.LITTLE_ENDIAN);
        body.asShortBuffer().put(tile.values());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(EXACT, String.valueOf(tile.exact()))
                .header(STRIDE, String.valueOf(tile.stride()))
                .header(SPAN, String.valueOf(tile.span()))
                .body(body.array());
    }
}
