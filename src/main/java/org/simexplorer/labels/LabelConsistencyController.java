package org.simexplorer.labels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import java.util.List;
import org.simexplorer.dataset.DatasetService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/datasets/{id}/labels/conflicts: −1 labels inside a chain of +1 labels, and unlabelled pairs the +1
 * labels imply, each with its shortest +1 chain. Warnings for the user to look at, never refusals.
 */
@RestController
@Tag(name = "Labels")
class LabelConsistencyController {

    /** At most this many implied pairs, those with the shortest chains first. */
    static final int IMPLIED_CAP = 200;

    private final DatasetService datasets;
    private final LabelRepository labels;

    LabelConsistencyController(DatasetService datasets, LabelRepository labels) {
        this.datasets = datasets;
        this.labels = labels;
    }

    @Operation(summary = "Labels that contradict a chain of similar labels, and pairs such chains imply")
    @ProblemResponses({400, 404})
    @GetMapping("/api/datasets/{id}/labels/conflicts")
    LabelConsistency.Report conflicts(@PathVariable long id) {
        int n = datasets.sentences(id).size();
        List<LabelConsistency.Edge> edges = labels.list(id).stream()
                .map(l -> new LabelConsistency.Edge(l.i(), l.j(), l.label())).toList();
        return LabelConsistency.check(n, edges, IMPLIED_CAP);
    }
}
