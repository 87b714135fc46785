package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.simexplorer.evaluation.PairSplit;
import org.simexplorer.loss.LabelledPair;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TrainingBundleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < 40; k++) sentences.add("Sentence " + k + (k == 3 ? " with \"quotes\", a \\ and 多语言" : ""));
        return sentences;
    }

    private static PairSplit split() {
        List<LabelledPair> pairs = new ArrayList<>();
        for (int k = 0; k < 20; k++) pairs.add(new LabelledPair(2 * k, 2 * k + 1, k % 2 == 0 ? 1 : -1));
        return PairSplit.of(pairs, 0.2, 0);
    }

    private static Map<String, Double> defaults(String loss) {
        return switch (loss) {
            case "contrastive", "online-contrastive" -> Map.of("margin", 0.3);
            case "cosent" -> Map.of("scale", 20.0);
            case "sigmoid" -> new LinkedHashMap<>(Map.of("t", 10.0, "b", -10.0));
            case "softmax-ce" -> Map.of("temperature", 0.05);
            default -> Map.of();
        };
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, String> bundle(String loss, String model) throws IOException {
        PairSplit split = split();
        return unzip(TrainingBundle.zip(new TrainingBundle.Input("My \"data\"\nset \\ 1", model, sentences(),
                split.train(), split.validation(), split.leftOut().size(), loss, defaults(loss), 0, 0.2)));
    }

    @Test
    void theZipHoldsTheSplitAsJsonlAndTheScripts() throws IOException {
        Map<String, String> files = bundle("contrastive", "all-minilm-l6-v2");
        assertThat(files.keySet()).containsExactly("train.jsonl", "validation.jsonl", "train.py", "requirements.txt",
                "README.txt");
        PairSplit split = split();
        List<String> train = files.get("train.jsonl").lines().toList();
        List<String> validation = files.get("validation.jsonl").lines().toList();
        assertThat(train).hasSize(split.train().size());
        assertThat(validation).hasSize(split.validation().size());
        for (int k = 0; k < validation.size(); k++) {
            JsonNode row = JSON.readTree(validation.get(k));
            LabelledPair pair = split.validation().get(k);
            assertThat(row.propertyNames()).containsExactly("sentence1", "sentence2", "label");
            assertThat(row.get("sentence1").asString()).isEqualTo(sentences().get(pair.i()));
            assertThat(row.get("sentence2").asString()).isEqualTo(sentences().get(pair.j()));
            assertThat(row.get("label").isInt()).isTrue();
            assertThat(row.get("label").asInt()).isEqualTo(pair.label() > 0 ? 1 : 0);
        }
        String script = files.get("train.py");
        assertThat(script).contains("BASE_MODEL = \"sentence-transformers/all-MiniLM-L6-v2\"")
                .contains("SentenceTransformerTrainer(").contains("BinaryClassificationEvaluator(")
                .contains("losses.ContrastiveLoss(model, distance_metric=losses.SiameseDistanceMetric.COSINE_DISTANCE")
                .contains("margin=0.3").doesNotContain("{{");
        assertThat(files.get("requirements.txt")).contains("sentence-transformers>=3");
        assertThat(files.get("README.txt")).contains("python train.py").contains("ContrastiveLoss")
                .contains("train.jsonl: " + split.train().size() + " pairs");
    }

    @Test
    void scoreLossesWriteScoresAndOwnModelsTakeAPath() throws IOException {
        Map<String, String> files = bundle("cosent", "my-own-model");
        JsonNode row = JSON.readTree(files.get("train.jsonl").lines().findFirst().orElseThrow());
        assertThat(row.propertyNames()).containsExactly("sentence1", "sentence2", "score");
        assertThat(row.get("score").isDouble()).isTrue();
        assertThat(files.get("train.py")).contains("BASE_MODEL = None").contains("losses.CoSENTLoss(model, scale=20.0)")
                .contains("give the path");
        assertThat(files.get("README.txt")).contains("python train.py MODEL_PATH");
        assertThat(bundle("cosine-mse", "all-minilm-l6-v2-q").get("train.py"))
                .contains("sentence-transformers/all-MiniLM-L6-v2").contains("fp32 original")
                .contains("towards -1");
        assertThat(bundle("sigmoid", "bge-small-en-v1.5:support").get("train.py")).contains("BASE_MODEL = None")
                .contains("an adapter on bge-small-en-v1.5").contains("No sentence-transformers loss matches");
    }

    /** Every loss's script is valid Python; where python3 is missing, goldenCopyIsCurrent holds one script to its reviewed copy. */
    @ParameterizedTest
    @ValueSource(strings = {"contrastive", "online-contrastive", "cosent", "cosine-mse", "sigmoid",
            "seed-sigmoid-bce", "softmax-ce"})
    void trainPyCompiles(String loss, @TempDir Path dir) throws Exception {
        String script = bundle(loss, loss.equals("cosent") ? "my-own-model" : "bge-small-en-v1.5").get("train.py");
        if (!PythonCompile.available()) {
            return; // goldenCopyIsCurrent stands in for the compiler
        }
        PythonCompile.assertCompiles(script, dir);
    }

    /** The name goes into the script's docstring as a Python literal, whatever it holds. */
    @ParameterizedTest
    @ValueSource(strings = {"nul\0byte", "\"\"\"ends the docstring\"\"\"", "'''single'''", "ends with \\",
            "\\N{ \\x \\u12", "two\nlines\r\nand\ra tab\t", "Zoë 中文 😀 \u2028 \u0085 \u200B\uFEFF"})
    void trainPyCompilesWhateverTheDatasetName(String name, @TempDir Path dir) throws Exception {
        PairSplit split = split();
        Map<String, String> files = unzip(TrainingBundle.zip(new TrainingBundle.Input(name, "bge-small-en-v1.5",
                sentences(), split.train(), split.validation(), split.leftOut().size(), "contrastive",
                defaults("contrastive"), 0, 0.2)));
        String script = files.get("train.py");
        assertThat(script).contains("Dataset: " + TrainingBundle.pythonString(name) + " (").doesNotContain("\0");
        assertThat(files.get("README.txt")).doesNotContain("\0");
        if (!PythonCompile.available()) {
            return; // the literal above is JSON's escaping, valid Python by construction
        }
        PythonCompile.assertCompiles(script, dir);
    }

    /** Regenerate with -Dgolden.update=true after changing the template on purpose. */
    @Test
    void goldenCopyIsCurrent() throws Exception {
        // The fallback above is only worth something if it tracks the template: a change must update it on purpose.
        String script = bundle("contrastive", "bge-small-en-v1.5").get("train.py");
        if (Boolean.getBoolean("golden.update")) {
            java.nio.file.Files.writeString(Path.of("src/test/resources/formats/train-contrastive.py.golden"), script);
            return;
        }
        assertThat(script).isEqualTo(new String(TrainingBundleTest.class
                .getResourceAsStream("/formats/train-contrastive.py.golden").readAllBytes(), StandardCharsets.UTF_8));
    }
}
