package org.simexplorer.dataset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.simexplorer.dataset.DatasetLabels.LabelCounts;
import org.simexplorer.dataset.DatasetService.Duplicate;
import org.springframework.stereotype.Service;

/** The JSON shapes of datasets, as the API returns them. */
@Service
public class DatasetViews {

    private final DatasetService datasets;
    private final DatasetLabels labels;

    DatasetViews(DatasetService datasets, DatasetLabels labels) {
        this.datasets = datasets;
        this.labels = labels;
    }

    @Schema(name = "DatasetCounts")
    public record Counts(int sentences, int labels, int positives, int negatives) {
    }

    @Schema(name = "DatasetSummary")
    public record Summary(long id, String name, String model, String createdAt, Counts counts) {
    }

    @Schema(name = "Dataset")
    public record View(long id, String name, String model, String createdAt, List<String> sentences,
            Counts counts, @Schema(description = "input lines merged into sentences the dataset already had")
            int duplicatesMerged) {
    }

    /** A dataset after a create or append, with what the request changed. */
    @Schema(name = "DatasetChange")
    public record Changed(long id, String name, String model, String createdAt, List<String> sentences,
            Counts counts, int added, List<Duplicate> duplicates, int labelsImported, int identicalPairsSkipped) {
    }

    public List<Summary> summaries() {
        return datasets.list().stream().map(d -> new Summary(d.id(), d.name(), d.model(),
                d.createdAt().toString(), counts(d.id()))).toList();
    }

    public View view(long id) {
        Dataset d = datasets.get(id);
        return new View(d.id(), d.name(), d.model(), d.createdAt().toString(), datasets.sentences(id), counts(id),
                datasets.duplicates(id));
    }

    /**
     * What {@link #view} would answer now, as a short tag: the sentences are only appended and ids are never
     * reused, so the dataset's row, its sentence count and its label counts fix the whole answer.
     */
    public String version(long id) {
        Dataset d = datasets.get(id);
        Counts c = counts(id);
        String names = d.name() + "\n" + d.model() + "\n" + d.createdAt();
        return "d" + d.id() + "-" + c.sentences() + "-" + c.labels() + "-" + c.positives() + "-" + c.negatives() + "-"
                + datasets.duplicates(id) + "-" + TextHash.sha256(names).substring(0, 16);
    }

    public Changed changed(DatasetService.Change change) {
        View v = view(change.dataset().id());
        return new Changed(v.id(), v.name(), v.model(), v.createdAt(), v.sentences(), v.counts(), change.added(),
                change.duplicates(), change.labelsImported(), change.identicalPairsSkipped());
    }

    private Counts counts(long id) {
        LabelCounts counted = labels.counts(id);
        return new Counts(datasets.sentenceCount(id), counted.labels(), counted.positives(), counted.negatives());
    }
}
