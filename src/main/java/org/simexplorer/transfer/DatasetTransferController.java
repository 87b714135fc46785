package org.simexplorer.transfer;

import org.simexplorer.labels.ArchivedAdapters;
import java.net.URI;
import java.util.List;
import org.simexplorer.dataset.Dataset;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.formats.DatasetArchive;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.simexplorer.openapi.ProblemResponses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Export and import")
class DatasetTransferController {

    private final DatasetTransfer transfer;
    private final DatasetLimits limits;
    private final JsonMapper json;

    DatasetTransferController(DatasetTransfer transfer, DatasetLimits limits, JsonMapper json) {
        this.transfer = transfer;
        this.limits = limits;
        this.json = json;
    }

    /** The sentences, the labels with their times and the adapters, as one JSON file. */
    @Operation(summary = "The whole dataset as one JSON file: sentences, labels with their times, adapters")
    @ProblemResponses({400, 404})
    @GetMapping("/api/datasets/{id}/export")
    ResponseEntity<DatasetArchive> export(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dataset-" + id + ".json").build().toString())
                .body(transfer.export(id));
    }

    /** The body is a file from {@code GET /api/datasets/{id}/export}; it becomes a new dataset. */
    @Operation(summary = "Restore a dataset export as a new dataset, with its labels and adapters",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "a file from GET /api/datasets/{id}/export, as it was downloaded",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = DatasetArchive.class))))
    @ApiResponse(responseCode = "201", description = "Restored; Location names the new dataset")
    @ProblemResponses({400, 404, 409, 413})
    @PostMapping("/api/datasets/import")
    ResponseEntity<Restored> restore(@RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("The request body is empty: send a file from GET /api/datasets/{id}/export.");
        }
        long limit = limits.maxUploadSize().toBytes();
        if (body.length > limit) {
            throw new TooLargeException("The upload has " + body.length + " bytes; at most " + limit
                    + " are allowed.").with("limit", limit);
        }
        DatasetArchive archive;
        try {
            archive = json.readValue(body, DatasetArchive.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("The file is not a dataset export: " + e.getOriginalMessage());
        }
        DatasetTransfer.Restored restored = transfer.restore(archive);
        Dataset dataset = restored.dataset();
        return ResponseEntity.created(URI.create("/api/datasets/" + dataset.id()))
                .body(new Restored(dataset.id(), dataset.name(), dataset.model(), restored.adapters()));
    }

    /**
     * The new dataset a restore made.
     *
     * @param adapters its adapters with their model ids here; {@code name} differs from {@code archivedName} when
     *                 the archived name was already taken under the same base model
     */
    record Restored(long id, String name, String model, List<ArchivedAdapters.RestoredAdapter> adapters) {
    }
}
