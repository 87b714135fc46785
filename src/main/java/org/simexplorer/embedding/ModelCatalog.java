package org.simexplorer.embedding;

import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
    private final ExtraModels extras;

    public ModelCatalog(EmbeddingProperties properties) {
        this(properties, NO_EXTRAS);
    }

    @Autowired
    public ModelCatalog(EmbeddingProperties properties, ObjectProvider<ExtraModels> extras) {
        this(properties, extras.getIfAvailable(() -> NO_EXTRAS));
    }

    private static final ExtraModels NO_EXTRAS = new ExtraModels() {
        @Override
        public List<ExtraModel> list() {
            return List.of();
        }

        @Override
        public Optional<ExtraModel> find(String id) {
            return Optional.empty();
        }
    };

    private ModelCatalog(EmbeddingProperties properties, ExtraModels extras) {
        this.extras = extras;
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

    /** The built-in (and custom) models, then the extra ones. */
    public List<ModelSpec> all() {
        List<ModelSpec> all = new ArrayList<>(models);
        for (ExtraModels.ExtraModel extra : extras.list()) {
            builtIn(extra.base()).ifPresent(base -> all.add(specOf(extra, base)));
        }
        return all;
    }

    /** The extra model with this id, when it is one (for example a trained adapter). */
    public Optional<ExtraModels.ExtraModel> extra(String id) {
        if (id == null || builtIn(id).isPresent()) return Optional.empty();
        return extras.find(id);
    }

    private Optional<ModelSpec> builtIn(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** An extra model has its base's tokenizer, pooling, limits and languages, and its own id and dimension. */
    private static ModelSpec specOf(ExtraModels.ExtraModel extra, ModelSpec base) {
        return new ModelSpec(extra.id(), base.pooling(), base.maxTokens(), extra.dimension(), base.languages(),
                base.tokenTypes(), base.source());
    }

    public String defaultId() {
        return defaultId;
    }

    /** The entry for an id, or the default for null; a 404 problem listing the known ids otherwise. */
    public ModelSpec find(String id) {
        String wanted = id == null ? defaultId : id;
        return builtIn(wanted)
                .or(() -> extras.find(wanted).flatMap(extra -> builtIn(extra.base()).map(base -> specOf(extra, base))))
                .orElseThrow(() -> unknown(wanted));
    }

    private DomainException unknown(String id) {
        return new NotFoundException("Unknown model '" + id + "'. Known models: " + String.join(", ", ids()) + ".")
                .with("knownModels", ids());
    }

    /**
     * A model id with its {@link ExtraModels.ExtraModel#version() version}: what an instance may key memory by,
     * since a model id alone can name a deleted adapter and later a new one.
     */
    public record Resolved(String id, long version) {
    }

    /** As {@link #find(String)}, with the version read in the same lookup. */
    public Resolved resolve(String id) {
        String wanted = id == null ? defaultId : id;
        if (builtIn(wanted).isPresent()) return new Resolved(wanted, 0);
        return extras.find(wanted).filter(extra -> builtIn(extra.base()).isPresent())
                .map(extra -> new Resolved(extra.id(), extra.version()))
                .orElseThrow(() -> unknown(wanted));
    }

    public List<String> ids() {
        return all().stream().map(ModelSpec::id).toList();
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
