package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The JSON answers of the dataset API; their fields, in this order, are the API's keys. */
final class DatasetJson {

    private DatasetJson() {
    }

    record Counts(int sentences, int labels, int positives, int negatives) {
    }

    @Schema(name = "DatasetSummary")
    record Summary(long id, String name, String model, @Schema(format = "date-time") String createdAt,
            Counts counts) {
    }

    @Schema(name = "Dataset")
    record View(long id, String name, String model, @Schema(format = "date-time") String createdAt,
            @Schema(description = "in order; a sentence's index is its position here") List<String> sentences,
            Counts counts) {
    }

    @Schema(name = "DatasetChange", description = "The dataset after a create or append, and what changed")
    record Change(long id, String name, String model, @Schema(format = "date-time") String createdAt,
            List<String> sentences, Counts counts,
            @Schema(description = "sentences added") int added,
            @Schema(description = "sentences dropped because the dataset already had them")
            List<DatasetService.Duplicate> duplicates,
            @Schema(description = "pair labels set from the upload's pair rows") int labelsImported,
            @Schema(description = "pair rows whose two sentences are the same") int identicalPairsSkipped) {
    }

    @Schema(name = "SimilarityMatrix")
    record Similarity(String model,
            @Schema(description = "the sentence index of each row and column") int[] order,
            @Schema(description = "N×N cosines, rows and columns in 'order'") float[][] matrix) {
    }
}
