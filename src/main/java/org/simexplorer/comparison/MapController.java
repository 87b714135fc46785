package org.simexplorer.comparison;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/datasets/{id}")
class MapController {

    private final MapService map;

    MapController(MapService map) {
        this.map = map;
    }

    @GetMapping("/projection")
    MapService.Projected projection(@PathVariable long id, @RequestParam(defaultValue = "pca") String method,
            @RequestParam(required = false) String model) {
        return map.projection(id, method, model);
    }

    @GetMapping("/clusters")
    MapService.Clusters clusters(@PathVariable long id, @RequestParam int k) {
        return map.clusters(id, k);
    }
}
