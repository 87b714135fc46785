package org.simexplorer.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.simexplorer.loss.LabelledPair;
import tools.jackson.databind.json.JsonMapper;

/** The sentence-transformers training bundle: train.jsonl, validation.jsonl, train.py, requirements.txt, README.txt. */
public final class TrainingBundle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainingBundle() {
    }

    /** What the bundle is made from. */
    /**
     * @param train        the training side of the seeded by-sentence split
     * @param validation   its validation side
     * @param leftOutPairs how many pairs crossed the sides and were left out
     */
    public record Input(String datasetName, String modelId, List<String> sentences, List<LabelledPair> train,
            List<LabelledPair> validation, int leftOutPairs, String lossId, Map<String, Double> params, long seed,
            double validationFraction) {
    }

    public static byte[] zip(Input input) {
        SentenceTransformersLoss loss = SentenceTransformersLoss.of(input.lossId(), input.params());
        Map<String, String> values = placeholders(input, loss);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "train.jsonl", jsonl(input.train(), input.sentences(), loss.labelColumn()));
            entry(zip, "validation.jsonl", jsonl(input.validation(), input.sentences(), loss.labelColumn()));
            entry(zip, "train.py", fill(template("train.py"), values));
            entry(zip, "requirements.txt", template("requirements.txt"));
            entry(zip, "README.txt", fill(template("README.txt"), values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String jsonl(List<LabelledPair> pairs, List<String> sentences, String labelColumn) {
        return LabelExport.jsonl(pairs.stream().map(pair -> new LabelExport.Row(sentences.get(pair.i()),
                sentences.get(pair.j()), pair.label() > 0)).toList(), labelColumn);
    }

    private static Map<String, String> placeholders(Input input, SentenceTransformersLoss loss) {
        ModelSource source = ModelSource.of(input.modelId());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("DATASET_NAME", oneLine(input.datasetName()));
        values.put("DATASET_LITERAL", pythonString(input.datasetName()));
        values.put("MODEL_ID", input.modelId());
        values.put("HF_NOTE", source.huggingFaceId() == null ? "" : " (Hugging Face: " + source.huggingFaceId() + ")");
        values.put("BASE_MODEL", source.huggingFaceId() == null ? "None" : pythonString(source.huggingFaceId()));
        values.put("MODEL_NOTE", source.note() == null ? "" : "# " + source.note());
        values.put("USAGE_MODEL", source.huggingFaceId() == null ? "MODEL_PATH " : "");
        values.put("README_NOTE", source.note() == null ? "" : "\nNote: " + source.note() + "\n");
        values.put("OUTPUT_NAME", input.modelId().replace(':', '-') + "-" + input.lossId());
        values.put("OUR_LOSS", input.lossId());
        values.put("OUR_PARAMS", input.params().isEmpty() ? "" : input.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "(", ")")));
        values.put("ST_LOSS", loss.className() + (loss.difference() == null ? "" : " (nearest match; see train.py)"));
        values.put("LOSS_CODE", loss.python());
        values.put("TRAIN_FILTER", loss.trainFilter());
        values.put("LABEL_COLUMN", loss.labelColumn());
        values.put("TRAIN_COLUMNS", "sentence1, sentence2, " + loss.labelColumn());
        values.put("SEED", Long.toString(input.seed()));
        values.put("VALIDATION_FRACTION", String.format(Locale.ROOT, "%s", input.validationFraction()));
        values.put("TRAIN_PAIRS", Integer.toString(input.train().size()));
        values.put("VALIDATION_PAIRS", Integer.toString(input.validation().size()));
        values.put("LEFT_OUT_PAIRS", Integer.toString(input.leftOutPairs()));
        return values;
    }

    static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            out = out.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        if (out.contains("{{")) throw new IllegalStateException("unfilled placeholder in " + out);
        return out;
    }

    static String template(String name) {
        try (InputStream in = TrainingBundle.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) throw new IllegalStateException("missing template /formats/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Python string literal: JSON's escaping is valid Python for any text, and it escapes every double quote, so
     * the literal cannot end a docstring either. U+0000, which Python source cannot hold, becomes \\u0000.
     */
    static String pythonString(String text) {
        return JSON.writeValueAsString(text);
    }

    /** For the plain-text README: one line, control characters (U+0000 among them) as spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
