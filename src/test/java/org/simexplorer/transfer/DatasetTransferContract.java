package org.simexplorer.transfer;

import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelService;
import org.simexplorer.datasetloss.DatasetLosses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.dataset.StandInEmbedder;
import org.simexplorer.formats.TextLine;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.formats.DatasetArchive;
import org.simexplorer.labels.LabelService.LabelChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole dataset exported to its JSON file and restored as a new dataset on a real database: the same sentences,
 * labels with their times, and metrics. Subclasses pick the database.
 */
abstract class DatasetTransferContract {

    @Autowired
    DatasetService datasets;
    @Autowired
    LabelService labels;
    @Autowired
    DatasetLosses scores;
    @Autowired
    DatasetTransfer transfer;
    @Autowired
    JdbcClient jdbc;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRoundTripThroughTheFileGivesTheSameSentencesLabelsAndMetrics() throws Exception {
        String tag = Long.toString(System.nanoTime());
        List<String> texts = List.of("one " + tag, "two, with a comma " + tag, "三 " + tag, "four \"q\" " + tag,
                "five\nlines " + tag);
        long source = datasets.create("round trip", null, texts.stream().map(t -> new TextLine(t, 0)).toList(),
                List.of(), 0).dataset().id();
        labels.put(source, List.of(new LabelChange(0, 1, 1), new LabelChange(1, 2, -1), new LabelChange(3, 4, 1),
                new LabelChange(0, 4, -1)));
        Thread.sleep(5);
        labels.put(source, List.of(new LabelChange(0, 1, -1)));

        byte[] file = JSON.writeValueAsBytes(transfer.export(source));
        DatasetArchive read = JSON.readValue(file, DatasetArchive.class);
        DatasetTransfer.Restored restored = transfer.restore(read);
        long copy = restored.dataset().id();
        assertThat(read.adapters()).isEmpty();
        assertThat(restored.adapters()).isEmpty();

        assertThat(copy).isNotEqualTo(source);
        assertThat(datasets.get(copy).name()).isEqualTo("round trip");
        assertThat(datasets.get(copy).model()).isEqualTo(StandInEmbedder.MODEL);
        assertThat(datasets.sentences(copy)).containsExactlyElementsOf(texts);
        List<Label> before = labels.list(source);
        assertThat(labels.list(copy)).containsExactlyElementsOf(before);
        Label changed = before.get(0);
        assertThat(changed.updatedAt()).isAfter(changed.createdAt());
        assertThat(scores.metrics(copy)).isEqualTo(scores.metrics(source));
    }

    @Test
    void aBadArchiveSavesNothing() {
        int datasetsBefore = jdbc.sql("SELECT COUNT(*) FROM datasets").query(Integer.class).single();
        Instant now = Instant.now();
        DatasetArchive outOfRange = new DatasetArchive(DatasetArchive.FORMAT, 1, "bad", null, now, List.of("a", "b"),
                List.of(new DatasetArchive.LabelEntry(0, 2, 1, now, now)), List.of());
        assertThatThrownBy(() -> transfer.restore(outOfRange)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("labels[0]");
        DatasetArchive wrongFormat = new DatasetArchive("something-else", 1, "bad", null, now, List.of("a"), List.of(),
                List.of());
        assertThatThrownBy(() -> transfer.restore(wrongFormat)).isInstanceOf(InvalidInputException.class);
        DatasetArchive unknownModel = new DatasetArchive(DatasetArchive.FORMAT, 1, "bad", "no-such-model", now,
                List.of("a " + now), List.of(), List.of());
        assertThatThrownBy(() -> transfer.restore(unknownModel)).isInstanceOf(NotFoundException.class);
        // Without adapter training in this slice, an archive with adapters is refused rather than half restored.
        DatasetArchive withAdapter = new DatasetArchive(DatasetArchive.FORMAT, 1, "bad", null, now, List.of("a " + now),
                List.of(), List.of(new DatasetArchive.AdapterEntry("x", "cosent", null, "full", 1, 1, 1, 0.2, 0, null,
                        null, List.of(), null, null, 8, 8, "", now, now)));
        assertThatThrownBy(() -> transfer.restore(withAdapter)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot restore adapters");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM datasets").query(Integer.class).single()).isEqualTo(datasetsBefore);
    }
}
