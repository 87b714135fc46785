package org.simexplorer.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets/{id}")
@Tag(name = "Compare and map")
class MapController {

    private final MapService map;

    MapController(MapService map) {
        this.map = map;
    }

    @Operation(summary = "The sentences on a 2-D map: PCA of the normalised, centred embeddings, in sentence order")
    @ProblemResponses({400, 404})
    @GetMapping("/projection")
    MapService.Projected projection(@PathVariable long id,
            @Parameter(description = "the projection; pca is the one the server offers", schema = @Schema(
                    allowableValues = "pca")) @RequestParam(defaultValue = "pca") String method,
            @RequestParam(required = false) String model) {
        return map.projection(id, method, model);
    }

    @Operation(summary = "The input of the page's UMAP on a large dataset: a seeded sample of the sentences, the"
            + " neighbour graph within the sample and, for every other sentence, its nearest sample sentences",
            description = "Every sentence is sampled when there are at most `sample`. Work is N·sample·D in blocks of"
                    + " rows on the Gemm route; no N×N array.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary", description = MapSampleBody.LAYOUT)))
    @ProblemResponses({400, 404, 503})
    @GetMapping(path = "/map-sample", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ResponseEntity<byte[]> sample(@PathVariable long id,
            @Parameter(description = "sentences in the sample, 2 to " + MapService.MAX_SAMPLE
                    + "; simexplorer.map.umap-sample (5,000) by default") @RequestParam(required = false) Integer sample,
            @Parameter(description = "neighbours of each sample sentence within the sample, 1 to "
                    + MapService.MAX_NEIGHBOURS + " and below sample") @RequestParam(defaultValue = "15") int k,
            @Parameter(description = "nearest sample sentences of every other sentence, 1 to " + MapService.MAX_PLACE)
            @RequestParam(defaultValue = "5") int place,
            @RequestParam(required = false) String model) {
        MapService.Sampled sampled = map.sample(id, model, sample, k, place);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(MapSampleBody.MODEL_HEADER, sampled.model())
                .body(MapSampleBody.encode(sampled.sample()));
    }

    @Operation(summary = "The sentences in K groups, cut from the tree behind the cluster order (average linkage on the matrix,"
            + " or on the k-means centroids for large datasets)")
    @ProblemResponses({400, 404})
    @GetMapping("/clusters")
    MapService.Clusters clusters(@PathVariable long id,
            @Parameter(description = "how many groups, from 1 to the number of sentences") @RequestParam int k) {
        return map.clusters(id, k);
    }
}
