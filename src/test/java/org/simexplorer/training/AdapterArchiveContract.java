package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.formats.DatasetArchive;
import org.simexplorer.formats.TextLine;
import org.simexplorer.labels.ArchivedAdapters.RestoredAdapter;
import org.simexplorer.datasetloss.DatasetLosses;
import org.simexplorer.transfer.DatasetTransfer;
import org.simexplorer.labels.LabelService;
import org.simexplorer.labels.LabelService.LabelChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A dataset with a finished adapter exported to its JSON file and restored as a new dataset on a real database:
 * the same adapter settings, curve, metrics and W, and the same metrics under the restored adapter as under the
 * original. A bad adapter in the file saves nothing. Subclasses pick the database.
 */
abstract class AdapterArchiveContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatasetService datasets;
    @Autowired
    LabelService labels;
    @Autowired
    DatasetLosses scores;
    @Autowired
    DatasetTransfer transfer;
    @Autowired
    AdapterRepository adapters;
    @Autowired
    JdbcClient jdbc;

    /** A labelled dataset of 12 sentences with a finished adapter of known W and a queued one. */
    private long source(String tag, String name, float[] w) {
        List<TextLine> texts = new ArrayList<>();
        for (int k = 0; k < 12; k++) texts.add(new TextLine("sentence " + k + " of " + tag, 0));
        long id = datasets.create("with adapters " + tag, null, texts, List.of(), 0).dataset().id();
        labels.put(id, List.of(new LabelChange(0, 1, 1), new LabelChange(2, 3, 1), new LabelChange(4, 5, 1),
                new LabelChange(6, 7, -1), new LabelChange(8, 9, -1), new LabelChange(10, 11, -1),
                new LabelChange(0, 11, 1), new LabelChange(1, 10, -1)));
        adapters.insertDone(TestAdapters.done(id, name), w, Instant.parse("2026-12-01T08:00:00.250Z"),
                Instant.parse("2026-12-01T08:01:30.500Z"));
        adapters.insert(TestAdapters.queued(id, "still-queued-" + tag));
        return id;
    }

    private static DatasetArchive throughTheFile(DatasetArchive archive) {
        return JSON.readValue(JSON.writeValueAsBytes(archive), DatasetArchive.class);
    }

    @Test
    void aRoundTripGivesTheSameAdaptersAndTheSameMetricsUnderThem() {
        String tag = Long.toString(System.nanoTime(), 36);
        String name = "rt-" + tag;
        float[] w = TestAdapters.weights(3);
        long source = source(tag, name, w);
        AdapterRecord original = adapters.findByModel(TestAdapters.BASE, name).orElseThrow();

        DatasetArchive read = throughTheFile(transfer.export(source));
        assertThat(read.adapters()).as("only finished adapters travel").extracting(DatasetArchive.AdapterEntry::name)
                .containsExactly(name);
        DatasetTransfer.Restored restored = transfer.restore(read);
        long copy = restored.dataset().id();

        // The name is taken under the same base on this instance, so the copy gets the next free one.
        assertThat(restored.adapters()).hasSize(1);
        RestoredAdapter answer = restored.adapters().get(0);
        assertThat(answer.archivedName()).isEqualTo(name);
        assertThat(answer.name()).isEqualTo(name + "-2");
        assertThat(answer.model()).isEqualTo(TestAdapters.BASE + ":" + name + "-2");
        AdapterRecord copied = adapters.find(answer.id()).orElseThrow();
        assertThat(copied.datasetId()).isEqualTo(copy);
        assertThat(copied).usingRecursiveComparison().ignoringFields("id", "datasetId", "name").isEqualTo(original);
        assertThat(adapters.byDataset(copy)).extracting(AdapterRecord::id).containsExactly(answer.id());
        assertThat(adapters.weights(answer.id())).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(w));
        assertThat(adapters.times(answer.id())).hasValueSatisfying(times -> assertThat(times)
                .isEqualTo(adapters.times(original.id()).orElseThrow()));

        assertThat(scores.metrics(copy)).isEqualTo(scores.metrics(source));
        assertThat(scores.metrics(copy, answer.model())).isEqualTo(scores.metrics(source, original.modelId()));
        double adapted = scores.loss(copy, "cosent", null, false, false, answer.model()).value();
        assertThat(adapted).isEqualTo(scores.loss(source, "cosent", null, false, false, original.modelId()).value());
        assertThat(adapted).as("W changes the cosines").isNotEqualTo(scores.loss(copy, "cosent", null, false, false)
                .value());

        assertThat(transfer.restore(read).adapters().get(0).name()).isEqualTo(name + "-3");
    }

    @Test
    void aTakenNameOfFortyCharactersStaysWithinTheNameRule() {
        String tag = Long.toString(System.nanoTime(), 36);
        String name = (tag + "-" + "n".repeat(40)).substring(0, 40);
        long source = source(tag, name, TestAdapters.weights(4));
        String given = transfer.restore(throughTheFile(transfer.export(source))).adapters().get(0).name();
        assertThat(given).isEqualTo(name.substring(0, 38) + "-2").matches(AdapterRequest.NAME);
    }

    @Test
    void aBadAdapterInTheFileSavesNothing() {
        String tag = Long.toString(System.nanoTime(), 36);
        DatasetArchive good = transfer.export(source(tag, "bad-" + tag, TestAdapters.weights(5)));
        int datasetsBefore = count("datasets");
        int adaptersBefore = count("adapters");
        String shortBytes = java.util.Base64.getEncoder().encodeToString(new byte[4 * 383 * 384]);
        assertRefused(good, a -> a.put("weights", shortBytes), "adapters[0].weights", "589824");
        assertRefused(good, a -> a.put("weights", "not base64 !"), "adapters[0].weights", "base64");
        assertRefused(good, a -> a.put("dimension", 8), "adapters[0].dimension", "384");
        assertRefused(good, a -> a.put("outputDimension", 0), "adapters[0].outputDimension", "outputDimension");
        assertRefused(good, a -> a.put("name", "Bad Name"), "adapters[0].name", "name");
        assertRefused(good, a -> a.put("loss", "no-such-loss"), "adapters[0].loss", "no-such-loss");
        assertRefused(good, a -> a.put("rank", "tall"), "adapters[0].rank", "rank");
        assertRefused(good, a -> a.put("steps", 0), "adapters[0].steps", "steps");
        assertRefused(good, a -> a.put("learningRate", -1), "adapters[0].learningRate", "learningRate");
        assertRefused(good, a -> a.put("bestStep", 99), "adapters[0].bestStep", "bestStep");
        assertRefused(good, a -> a.putObject("params").put("nope", 1), "adapters[0].params.nope", "nope");
        // The same adapter twice: the second one is refused, and the first is not saved either.
        ObjectNode twice = JSON.valueToTree(good);
        twice.withArray("adapters").add(twice.withArray("adapters").get(0).deepCopy());
        assertThatThrownBy(() -> transfer.restore(JSON.treeToValue(twice, DatasetArchive.class)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("adapters[1]");
        assertThat(count("datasets")).isEqualTo(datasetsBefore);
        assertThat(count("adapters")).isEqualTo(adaptersBefore);
    }

    private void assertRefused(DatasetArchive good, Consumer<ObjectNode> change, String field, String says) {
        ObjectNode file = JSON.valueToTree(good);
        change.accept((ObjectNode) file.withArray("adapters").get(0));
        DatasetArchive bad = JSON.treeToValue(file, DatasetArchive.class);
        assertThatThrownBy(() -> transfer.restore(bad)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.getMessage()).startsWith("adapters[0]").contains(says);
            if (field != null) assertThat(e.properties()).containsEntry("field", field);
        });
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
