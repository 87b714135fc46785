package org.simexplorer.comparison;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.system.ProblemResponses;
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

    @Operation(summary = "The sentences in K groups, cut from the tree behind the cluster order (average linkage on the matrix,"
            + " or on the k-means centroids for large datasets)")
    @ProblemResponses({400, 404})
    @GetMapping("/clusters")
    MapService.Clusters clusters(@PathVariable long id,
            @Parameter(description = "how many groups, from 1 to the number of sentences") @RequestParam int k) {
        return map.clusters(id, k);
    }
}
