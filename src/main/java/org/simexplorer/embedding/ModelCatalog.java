package org.simexplorer.embedding;

import org.simexplorer.errors.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.springframework.stereotype.Component;

/** The models this app can serve: the built-in carriers plus, optionally, a user's own folder. */
@Component
public class ModelCatalog {

    /** Name of the small file in a custom model folder that describes it. */
    public static final String CUSTOM_DESCRIPTOR = "model.properties";

    private static final List<ModelSpec> BUILT_IN = List.of(
            new ModelSpec("all-minilm-l6-v2", Pooling.MEAN, 256, 384, List.of("en"), true,
                    new ModelSpec.Classpath("all-minilm-l6-v2")),
            new ModelSpec("all-minilm-l6-v2-q", Pooling.MEAN, 256, 384, List.of("en"), true,
                    new ModelSpec.Classpath("all-minilm-l6-v2-q")),
            new ModelSpec("bge-small-en-v1.5", Pooling.CLS, 512, 384, List.of("en"), true,
                    new ModelSpec.Classpath("bge-small-en-v1.5")),
            new ModelSpec("bge-small-zh-v1.5", Pooling.CLS, 512, 512, List.of("zh"), true,
                    new ModelSpec.Classpath("bge-small-zh-v1.5")));

    private final List<ModelSpec> models;
    private final String defaultId;

    public ModelCatalog(EmbeddingProperties properties) {
        List<ModelSpec> all = new ArrayList<>(BUILT_IN);
        if (properties.customDir() != null && !properties.customDir().isBlank()) {
            ModelSpec custom = readCustom(Path.of(properties.customDir().trim()));
            if (all.stream().anyMatch(m -> m.id().equals(custom.id()))) {
                throw new IllegalStateException("Custom model id '" + custom.id() + "' clashes with a built-in model.");
            }
            all.add(custom);
        }
        this.models = Collections.unmodifiableList(all);
        this.defaultId = properties.defaultModel();
        find(defaultId);
    }

    public List<ModelSpec> all() {
        return models;
    }

    public String defaultId() {
        return defaultId;
    }

    /** The entry for an id, or the default for null; a 404 problem listing the known ids otherwise. */
    public ModelSpec find(String id) {
        String wanted = id == null ? defaultId : id;
        return models.stream().filter(m -> m.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new NotFoundException("Unknown model '" + wanted + "'. Known models: "
                        + String.join(", ", ids()) + ".").with("knownModels", ids()));
    }

    public List<String> ids() {
        return models.stream().map(ModelSpec::id).toList();
    }

    /**
     * Reads a user's folder: model.onnx, tokenizer.json and model.properties with keys id, pooling (mean|cls),
     * maxTokens, dimension, and optional languages (comma-separated) and tokenTypes (true unless the graph
     * has no token_type_ids input).
     */
    static ModelSpec readCustom(Path dir) {
        for (String name : List.of("model.onnx", "tokenizer.json", CUSTOM_DESCRIPTOR)) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IllegalStateException("Custom model folder " + dir.toAbsolutePath() + " has no " + name
                        + "; it needs model.onnx, tokenizer.json and " + CUSTOM_DESCRIPTOR + ".");
            }
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(CUSTOM_DESCRIPTOR))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + dir.resolve(CUSTOM_DESCRIPTOR), e);
        }
        String id = required(p, "id", dir);
        Pooling pooling = Pooling.parse(required(p, "pooling", dir));
        int maxTokens = positive(p, "maxTokens", dir);
        int dimension = positive(p, "dimension", dir);
        List<String> languages = Arrays.stream(p.getProperty("languages", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        boolean tokenTypes = Boolean.parseBoolean(p.getProperty("tokenTypes", "true").trim());
        return new ModelSpec(id, pooling, maxTokens, dimension, languages, tokenTypes, new ModelSpec.Folder(dir));
    }

    private static String required(Properties p, String key, Path dir) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(dir.resolve(CUSTOM_DESCRIPTOR) + " must set '" + key + "'.");
        }
        return value.trim();
    }

    private static int positive(Properties p, String key, Path dir) {
        String value = required(p, key, dir);
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(dir.resolve(CUSTOM_DESCRIPTOR) + ": '" + key + "' must be a positive integer, not '" + value + "'.");
    }
}
