package org.simexplorer.dataset;

import org.simexplorer.formats.UploadFormat;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;
import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.datasetloss.DatasetLosses;
import org.simexplorer.labels.LabelService;
import org.simexplorer.labels.LabelService.LabelChange;
import org.simexplorer.labels.LabelWriter;
import org.simexplorer.loss.LossConfiguration;
import org.simexplorer.loss.LossResult;
import org.simexplorer.loss.LossService;
import org.simexplorer.similarity.SimilarityConfiguration;
import org.simexplorer.limits.ConcurrencyLimits;
import org.simexplorer.limits.RequestLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dataset and label services on a real database: transactions, limits, the embedding cache and label
 * import/export. Subclasses pick the database. No test transaction wraps the tests, so "nothing saved" is real.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({DatasetRepository.class, SentenceRepository.class, EmbeddingCache.class, CachedEmbedder.class, LabelRepository.class,
        DatasetService.class, DatasetSimilarity.class, DatasetEmbeddings.class, LabelService.class, LabelWriter.class,
        SentenceCounts.class, DatasetLosses.class,
        SimilarityConfiguration.class, LossConfiguration.class, LossService.class, MatrixCache.class, TileCache.class,
        ConcurrencyLimits.class, DatasetServiceContract.Beans.class})
@TestPropertySource(properties = "simexplorer.datasets.max-sentences=50")
abstract class DatasetServiceContract {

    @TestConfiguration
    @EnableConfigurationProperties({DatasetLimits.class, RequestLimits.class, CacheBudget.class,
            org.simexplorer.limits.ConcurrencyProperties.class})
    static class Beans {
        @Bean
        StandInEmbedder standInEmbedder() {
            return new StandInEmbedder();
        }

        /** Built-in models only: no adapters in these tests. */
        @Bean
        org.simexplorer.embedding.ModelCatalog modelCatalog() {
            return new org.simexplorer.embedding.ModelCatalog(
                    new org.simexplorer.embedding.EmbeddingProperties(null, null, null, null, null, null, null));
        }
    }

    @Autowired
    DatasetService datasets;
    @Autowired
    LabelService labels;
    @Autowired
    DatasetLosses scores;
    @Autowired
    StandInEmbedder embedder;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetCalls() {
        embedder.reset();
    }

    private static List<TextLine> lines(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> new TextLine(t, 0)).toList();
    }

    private static ParsedUpload file(String text, UploadFormat format) {
        return UploadParser.parse(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private int rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private static String unique(String text) {
        return text + " " + System.nanoTime();
    }

    @Test
    void createKeepsOrderAndReportsDuplicates() {
        String a = unique("a");
        String b = unique("b");
        DatasetService.Change change = datasets.create("demo", null, lines(a, b, a, "c"), List.of(), 2.5);
        long id = change.dataset().id();
        assertThat(change.dataset().model()).isEqualTo(StandInEmbedder.MODEL);
        assertThat(datasets.sentences(id)).containsExactly(a, b, "c");
        assertThat(change.added()).isEqualTo(3);
        assertThat(change.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo(a);
            assertThat(d.index()).isZero();
        });
    }

    @Test
    void pairFileCreatesSentencesAndLabels() {
        String tag = unique("");
        ParsedUpload upload = file("sentence1,sentence2,score\n"
                + "A man plays guitar" + tag + ",A person plays music" + tag + ",4.2\n"
                + "A man plays guitar" + tag + ",It is raining" + tag + ",0.5\n"
                + "Same" + tag + ",Same" + tag + ",5\n", UploadFormat.CSV);
        DatasetService.Change change = datasets.create("pairs", null, upload.sentences(), upload.pairs(), 2.5);
        long id = change.dataset().id();
        assertThat(datasets.sentences(id)).hasSize(4);
        assertThat(change.duplicates()).isEmpty();
        assertThat(change.labelsImported()).isEqualTo(2);
        assertThat(change.identicalPairsSkipped()).isEqualTo(1);
        assertThat(labels.list(id)).extracting(Label::i, Label::j, Label::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 1), org.assertj.core.groups.Tuple.tuple(0, 2, -1));
    }

    @Test
    void aBadLineSavesNothing() {
        int datasetsBefore = rows("datasets");
        int sentencesBefore = rows("sentences");
        ParsedUpload upload = file("sentence1,sentence2,label\nx1,y1,1\nx2,y2,7\n", UploadFormat.CSV);
        assertThatThrownBy(() -> datasets.create("bad", null, upload.sentences(), upload.pairs(), 2.5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("line", 3));
        assertThat(rows("datasets")).isEqualTo(datasetsBefore);
        assertThat(rows("sentences")).isEqualTo(sentencesBefore);
    }

    @Test
    void overTheSentenceLimitIs413AndSavesNothing() {
        int datasetsBefore = rows("datasets");
        String[] many = new String[51];
        for (int k = 0; k < many.length; k++) many[k] = unique("s" + k);
        assertThatThrownBy(() -> datasets.create("big", null, lines(many), List.of(), 2.5))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e).isInstanceOf(TooLargeException.class));
        assertThat(rows("datasets")).isEqualTo(datasetsBefore);

        long id = datasets.create("almost", null, lines(java.util.Arrays.copyOf(many, 49)), List.of(), 2.5)
                .dataset().id();
        assertThatThrownBy(() -> datasets.append(id, lines(unique("x"), unique("y")), List.of(), 2.5))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e).isInstanceOf(TooLargeException.class));
        assertThat(datasets.sentences(id)).hasSize(49);
    }

    @Test
    void unknownModelIs404AndSavesNothing() {
        int datasetsBefore = rows("datasets");
        assertThatThrownBy(() -> datasets.create("m", "no-such-model", lines(unique("a")), List.of(), 2.5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e).isInstanceOf(NotFoundException.class));
        assertThat(rows("datasets")).isEqualTo(datasetsBefore);
    }

    @Test
    void alreadyEmbeddedSentencesAreNeverEmbeddedAgain() {
        String a = unique("cache a");
        String b = unique("cache b");
        String c = unique("cache c");
        long id = datasets.create("cache", null, lines(a, b), List.of(), 2.5).dataset().id();
        assertThat(embedder.calls).containsExactly(List.of(a, b));

        embedder.reset();
        datasets.append(id, lines(b, c), List.of(), 2.5);
        assertThat(embedder.calls).as("only the new sentence, in one batch").containsExactly(List.of(c));
        assertThat(datasets.sentences(id)).containsExactly(a, b, c);

        embedder.reset();
        float[][] vectors = datasets.embeddings(id).vectors();
        assertThat(embedder.calls).as("opening the dataset again").isEmpty();
        assertThat(vectors[2]).containsExactly(StandInEmbedder.vector(c));

        long other = datasets.create("same texts", null, lines(c, a), List.of(), 2.5).dataset().id();
        assertThat(embedder.calls).as("another dataset with the same texts and model").isEmpty();
        assertThat(datasets.embeddings(other).vectors()[0]).containsExactly(StandInEmbedder.vector(c));
    }

    @Test
    void labelsCanBeSetChangedAndRemoved() {
        long id = datasets.create("l", null, lines(unique("p"), unique("q"), unique("r")), List.of(), 2.5)
                .dataset().id();
        LabelService.PutResult first = labels.put(id, List.of(new LabelChange(2, 0, 1), new LabelChange(1, 2, -1)));
        assertThat(first.set()).isEqualTo(2);
        List<Label> stored = labels.list(id);
        assertThat(stored).extracting(Label::i, Label::j, Label::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2, 1), org.assertj.core.groups.Tuple.tuple(1, 2, -1));
        Label created = stored.get(0);

        labels.put(id, List.of(new LabelChange(0, 2, -1)));
        Label changed = labels.list(id).get(0);
        assertThat(changed.label()).isEqualTo(-1);
        assertThat(changed.createdAt()).isEqualTo(created.createdAt());
        assertThat(changed.updatedAt()).isAfterOrEqualTo(created.updatedAt());

        LabelService.PutResult removed = labels.put(id, List.of(new LabelChange(2, 1, 0)));
        assertThat(removed.removed()).isEqualTo(1);
        assertThat(labels.list(id)).hasSize(1);
    }

    @Test
    void labelOutsideTheDatasetIs400AndSavesNothing() {
        long id = datasets.create("o", null, lines(unique("p"), unique("q")), List.of(), 2.5).dataset().id();
        assertThatThrownBy(() -> labels.put(id, List.of(new LabelChange(0, 1, 1), new LabelChange(0, 2, 1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e).isInstanceOf(InvalidInputException.class));
        assertThatThrownBy(() -> labels.put(id, List.of(new LabelChange(1, 1, 1))))
                .isInstanceOf(DomainException.class);
        assertThat(labels.list(id)).isEmpty();
    }

    @Test
    void exportThenImportIntoANewDatasetGivesTheSameLabels() {
        String[] texts = {unique("plain"), unique("with, comma"), unique("with \"quotes\""), unique("多语言 句子"),
                unique("two\nlines")};
        long source = datasets.create("source", null, lines(texts), List.of(), 2.5).dataset().id();
        labels.put(source, List.of(new LabelChange(0, 1, 1), new LabelChange(1, 2, -1), new LabelChange(2, 3, 1),
                new LabelChange(3, 4, -1), new LabelChange(0, 4, 1)));
        for (String format : List.of("csv", "jsonl")) {
            String exported = labels.export(source, format, "label");
            long target = datasets.create("target " + format, null, lines(texts), List.of(), 2.5).dataset().id();
            UploadFormat uploadFormat = format.equals("csv") ? UploadFormat.CSV : UploadFormat.JSONL;
            LabelService.ImportResult result = labels.importPairs(target, file(exported, uploadFormat), 2.5);
            assertThat(result.imported()).isEqualTo(5);
            assertThat(labels.list(target)).extracting(Label::i, Label::j, Label::label)
                    .containsExactlyElementsOf(labels.list(source).stream()
                            .map(l -> org.assertj.core.groups.Tuple.tuple(l.i(), l.j(), l.label())).toList());
        }
        assertThat(labels.export(source, "csv", "label")).startsWith("sentence1,sentence2,label\r\n")
                .contains("\"" + texts[1] + "\"").contains(",1\r\n").contains(",0\r\n");
    }

    @Test
    void scoreColumnExportsOneOrZeroAsScoresAndReadsBackAtThresholdOneHalf() {
        String[] texts = {unique("s1"), unique("s2"), unique("s3")};
        long source = datasets.create("score", null, lines(texts), List.of(), 2.5).dataset().id();
        labels.put(source, List.of(new LabelChange(0, 1, 1), new LabelChange(1, 2, -1)));
        String csv = labels.export(source, "csv", "score");
        assertThat(csv).startsWith("sentence1,sentence2,score\r\n").contains(",1.0\r\n").contains(",0.0\r\n")
                .doesNotContain("label");
        String jsonl = labels.export(source, "jsonl", "score");
        assertThat(jsonl).contains("\"score\":1.0}").contains("\"score\":0.0}").doesNotContain("label");
        for (String exported : List.of(csv, jsonl)) {
            long target = datasets.create("score target", null, lines(texts), List.of(), 2.5).dataset().id();
            UploadFormat format = exported == csv ? UploadFormat.CSV : UploadFormat.JSONL;
            labels.importPairs(target, file(exported, format), 0.5);
            assertThat(labels.list(target)).extracting(Label::label).containsExactly(1, -1);
        }
        assertThatThrownBy(() -> labels.export(source, "csv", "both")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void csvExportNeutralisesFormulasAndReadsThemBack() {
        String[] texts = {"=HYPERLINK(\"http://evil.example\",\"x\") " + System.nanoTime(), "+1+2 " + System.nanoTime(),
                "-2+3 " + System.nanoTime(), "@SUM(A1) " + System.nanoTime(), unique("plain - with a dash"),
                unique("'=already quoted")};
        long source = datasets.create("formulas", null, lines(texts), List.of(), 2.5).dataset().id();
        labels.put(source, List.of(new LabelChange(0, 1, 1), new LabelChange(2, 3, -1), new LabelChange(4, 5, 1)));
        String csv = labels.export(source, "csv", "label");
        assertThat(csv.split("\r\n")).containsExactly("sentence1,sentence2,label",
                "\"'" + texts[0].replace("\"", "\"\"") + "\",\"'" + texts[1] + "\",1",
                "\"'" + texts[2] + "\",\"'" + texts[3] + "\",0",
                // A cell that already looks protected gets one more quote, so that reading it back is exact.
                "\"" + texts[4] + "\",\"'" + texts[5] + "\",1");

        long target = datasets.create("formulas again", null, lines(texts), List.of(), 2.5).dataset().id();
        assertThat(labels.importPairs(target, file(csv, UploadFormat.CSV), 2.5).imported()).isEqualTo(3);
        assertThat(labels.list(target)).extracting(Label::i, Label::j, Label::label)
                .containsExactlyElementsOf(labels.list(source).stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.i(), l.j(), l.label())).toList());
        assertThat(labels.export(source, "jsonl", "label")).contains("\"sentence1\":\"=HYPERLINK");
    }

    @Test
    void importOfAnUnknownSentenceNamesTheLineAndSavesNothing() {
        String p = unique("p");
        String q = unique("q");
        long id = datasets.create("i", null, lines(p, q), List.of(), 2.5).dataset().id();
        ParsedUpload upload = file("{\"sentence1\":\"" + p + "\",\"sentence2\":\"" + q + "\",\"label\":1}\n"
                + "{\"sentence1\":\"" + p + "\",\"sentence2\":\"not there\",\"label\":0}\n", UploadFormat.JSONL);
        assertThatThrownBy(() -> labels.importPairs(id, upload, 2.5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("line", 2));
        ParsedUpload byIndex = file("i,j,label\n0,1,1\n0,5,0\n", UploadFormat.CSV);
        assertThatThrownBy(() -> labels.importPairs(id, byIndex, 2.5))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("line", 3));
        assertThat(labels.list(id)).isEmpty();
    }

    @Test
    void metricsUseTheCosineOfEachLabelledPair() {
        String[] texts = {unique("m0"), unique("m1"), unique("m2"), unique("m3")};
        long id = datasets.create("metrics", null, lines(texts), List.of(), 2.5).dataset().id();
        assertThat(scores.metrics(id).pairs()).isZero();
        labels.put(id, List.of(new LabelChange(0, 1, 1), new LabelChange(0, 2, -1), new LabelChange(2, 3, 1)));
        var metrics = scores.metrics(id);
        double[] cosines = new double[3];
        int[][] pairs = {{0, 1}, {0, 2}, {2, 3}};
        for (int k = 0; k < 3; k++) {
            float[] u = StandInEmbedder.vector(texts[pairs[k][0]]);
            float[] v = StandInEmbedder.vector(texts[pairs[k][1]]);
            float dot = 0;
            for (int d = 0; d < u.length; d++) dot += u[d] * v[d];
            cosines[k] = dot;
        }
        var expected = org.simexplorer.evaluation.PairClassificationEvaluator.evaluate(cosines,
                new boolean[] {true, false, true});
        assertThat(metrics.pairs()).isEqualTo(3);
        assertThat(metrics.rocAuc()).isCloseTo(expected.rocAuc(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(metrics.f1Threshold()).isCloseTo(expected.f1Threshold(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void deletedDatasetIsGoneWithItsLabels() {
        long id = datasets.create("d", null, lines(unique("p"), unique("q")), List.of(), 2.5).dataset().id();
        labels.put(id, List.of(new LabelChange(0, 1, 1)));
        datasets.delete(id);
        assertThatThrownBy(() -> datasets.get(id)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e).isInstanceOf(NotFoundException.class));
        assertThatThrownBy(() -> labels.list(id)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> datasets.delete(id)).isInstanceOf(DomainException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void lossRunsOnTheDatasetEmbeddingsAndLabels() {
        String[] texts = {unique("l0"), unique("l1"), unique("l2")};
        long id = datasets.create("loss", null, lines(texts), List.of(), 2.5).dataset().id();
        assertThatThrownBy(() -> scores.loss(id, "cosine-mse", java.util.Map.of(), false, true))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e).isInstanceOf(UndefinedException.class));
        labels.put(id, List.of(new LabelChange(0, 1, 1), new LabelChange(1, 2, -1)));
        LossResult result = scores.loss(id, "cosine-mse", java.util.Map.of(), true, true);
        double expected = 0;
        int[][] pairs = {{0, 1, 1}, {1, 2, -1}};
        for (int[] pair : pairs) {
            float[] u = StandInEmbedder.vector(texts[pair[0]]);
            float[] v = StandInEmbedder.vector(texts[pair[1]]);
            double dot = 0;
            for (int d = 0; d < u.length; d++) dot += u[d] * v[d];
            expected += (dot - pair[2]) * (dot - pair[2]) / pairs.length;
        }
        assertThat(result.labelledPairs()).isEqualTo(2);
        assertThat(result.value()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
        assertThat(result.gradient()).hasDimensions(3, 8);
        assertThatThrownBy(() -> scores.loss(id, "no-such-loss", java.util.Map.of(), false, true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e).isInstanceOf(NotFoundException.class));
    }

    @Test
    void everyLossAtOnceFollowsTheLabelsAndTheSentences() {
        String[] texts = {unique("a0"), unique("a1"), unique("a2")};
        long id = datasets.create("all", null, lines(texts), List.of(), 2.5).dataset().id();
        DatasetLosses.AllLosses none = scores.all(id, java.util.Map.of());
        assertThat(none.labelledPairs()).isZero();
        assertThat(none.model()).isEqualTo(datasets.get(id).model());
        assertThat(none.losses()).extracting(LossService.LossValue::loss).containsExactly("seed-sigmoid-bce",
                "cosine-mse", "contrastive", "online-contrastive", "cosent", "softmax-ce", "sigmoid");
        assertThat(none.losses()).allSatisfy(v -> {
            assertThat(v.value()).isNull();
            assertThat(v.undefinedReason()).startsWith("There are no labelled pairs");
        });
        labels.put(id, List.of(new LabelChange(0, 1, 1), new LabelChange(1, 2, -1)));
        DatasetLosses.AllLosses two = scores.all(id, java.util.Map.of("contrastive", java.util.Map.of("margin", 0.3)));
        assertThat(two.labelledPairs()).isEqualTo(2);
        for (LossService.LossValue value : two.losses()) {
            if (value.loss().equals("softmax-ce")) {
                // Row 1 has a positive and a negative partner, so softmax-ce is defined here.
                assertThat(value.undefinedReason()).isNull();
            }
            assertThat(value.value()).as(value.loss()).isEqualTo(
                    scores.loss(id, value.loss(), value.params(), false, false).value());
        }
        assertThat(two.losses().get(2).params()).containsEntry("margin", 0.3);
        // A sentence appended later is there for the next losses: its pair is labelled and counted.
        datasets.append(id, lines(unique("a3")), List.of(), 2.5);
        labels.put(id, List.of(new LabelChange(0, 3, -1)));
        assertThat(scores.all(id, java.util.Map.of()).labelledPairs()).isEqualTo(3);
        assertThatThrownBy(() -> scores.all(id, java.util.Map.of("triplet", java.util.Map.of("margin", 1))))
                .isInstanceOf(org.simexplorer.errors.InvalidInputException.class)
                .hasMessageStartingWith("Parameters are given for an unknown loss 'triplet'.");
        assertThatThrownBy(() -> scores.all(id, java.util.Map.of("cosent", java.util.Map.of("margin", 1))))
                .isInstanceOf(org.simexplorer.errors.InvalidInputException.class)
                .hasMessage("Unknown parameter 'margin' for loss 'cosent': its parameters are scale.");
        assertThatThrownBy(() -> scores.all(Long.MAX_VALUE, java.util.Map.of())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentWritesOfTheSameNewPairAllSucceed() throws Exception {
        long id = datasets.create("race", null, lines(unique("r0"), unique("r1"), unique("r2")), List.of(), 2.5)
                .dataset().id();
        int threads = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                int j = 1 + round % 2;
                labels.put(id, List.of(new LabelChange(0, j, 0)));
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<LabelService.PutResult>> results = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int label = t % 2 == 0 ? 1 : -1;
                    results.add(pool.submit(() -> {
                        start.await();
                        return labels.put(id, List.of(new LabelChange(0, j, label)));
                    }));
                }
                start.countDown();
                for (var result : results) assertThat(result.get().set()).isEqualTo(1);
                assertThat(labels.list(id)).filteredOn(l -> l.i() == 0 && l.j() == j).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWriteToADatasetDeletedBehindItsKnownCountIs404AndSavesNothing() {
        long id = datasets.create("gone", null, lines(unique("g0"), unique("g1"), unique("g2")), List.of(), 2.5)
                .dataset().id();
        labels.put(id, List.of(new LabelChange(0, 1, 1))); // the count is now known
        // Deleted without the service's announcement: the window between a deletion's commit and its event.
        jdbc.sql("DELETE FROM datasets WHERE id = ?").param(id).update();
        assertThatThrownBy(() -> labels.put(id, List.of(new LabelChange(0, 2, 1))))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM labels WHERE dataset_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void appendedSentencesCanBeLabelledAtOnce() {
        long id = datasets.create("grow", null, lines(unique("a0"), unique("a1")), List.of(), 2.5).dataset().id();
        labels.put(id, List.of(new LabelChange(0, 1, 1))); // the count (2) is now known
        datasets.append(id, lines(unique("a2")), List.of(), 2.5);
        assertThat(labels.put(id, List.of(new LabelChange(1, 2, -1))).set()).isEqualTo(1);
        assertThatThrownBy(() -> labels.put(id, List.of(new LabelChange(0, 3, 1))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("it has 3 sentences");
    }
}
