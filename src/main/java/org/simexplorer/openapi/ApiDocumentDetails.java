package org.simexplorer.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * What the API document says the same way on every operation: the parameters many operations share (a
 * dataset's id, a model, an upload's format and threshold), the tags with their descriptions, and numeric enums
 * written as numbers. An operation's own {@code @Parameter} description wins over these.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentDetails {

    static final String MODEL_OF_DATASET = "Another catalogue model or an adapter (<base>:<name>);"
            + " the dataset's own model when absent.";
    static final String MODEL_FOR_NEW = "A catalogue model id (GET /api/models); the default model when absent.";

    /** Shared parameters by name; operations that mean something else by one of them describe it themselves. */
    private static final Map<String, String> SHARED = Map.of(
            "jobId", "The job's id, as POST /api/datasets/jobs answered it.",
            "threshold", "For pair files with a score column: a score at or above it labels the pair similar (+1),"
                    + " below it dissimilar (-1).",
            "format", "The file's format: txt, csv, tsv or jsonl; taken from the file's name when absent.",
            "gradient", "true to add dLoss/dE (N×D) to the answer.",
            "pairContributions", "false to leave out the per-pair contributions (n(n−1)/2 entries when every pair"
                    + " is labelled).");

    /** The tags in the order Swagger UI shows them. */
    private static final List<Tag> TAGS = List.of(
            new Tag().name("Datasets").description("Create datasets from sentences or files, read them and their"
                    + " cosine matrix, and follow creation jobs."),
            new Tag().name("Labels").description("Pair labels: +1 similar, -1 dissimilar, 0 removes one."),
            new Tag().name("Losses").description("Losses and metrics on given embeddings or on a dataset's labels."),
            new Tag().name("Adapters").description("Train a linear adapter W on a dataset's labels, follow it,"
                    + " export it."),
            new Tag().name("Compare and map").description("Models side by side, the 2-D map and clusters."),
            new Tag().name("Export and import").description("The whole dataset as one JSON file and back, and the"
                    + " sentence-transformers training bundle."),
            new Tag().name("Models and embeddings").description("The served models, embeddings and cosines."));

    @Bean
    OperationCustomizer sharedParameterDescriptions() {
        return (operation, handler) -> {
            if (operation.getParameters() == null) return operation;
            String path = pathOf(handler);
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getDescription() != null && !parameter.getDescription().isBlank()) continue;
                parameter.setDescription(describe(parameter, path));
            }
            return operation;
        };
    }

    private static String describe(Parameter parameter, String path) {
        String name = parameter.getName();
        if (name.equals("id") && "path".equals(parameter.getIn())) {
            return path.startsWith("/api/adapters/") ? "The adapter's id." : "The dataset's id.";
        }
        if (name.equals("model")) {
            return path.contains("{id}") ? MODEL_OF_DATASET : MODEL_FOR_NEW;
        }
        return SHARED.get(name);
    }

    /** The class's and the method's mapping paths joined (each controller method maps one path). */
    private static String pathOf(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return first(type) + first(method);
    }

    private static String first(RequestMapping mapping) {
        return mapping == null || mapping.path().length == 0 ? "" : mapping.path()[0];
    }

    @Bean
    OpenApiCustomizer tagsAndNumericEnums() {
        return document -> {
            document.setTags(new ArrayList<>(TAGS));
            if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
                document.getComponents().getSchemas().values().forEach(ApiDocumentDetails::numericEnums);
            }
        };
    }

    /** Annotations give allowable values as text; an integer property's values are numbers (1, -1, 0). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void numericEnums(Schema<?> schema) {
        if (schema.getProperties() == null) return;
        for (Schema property : schema.getProperties().values()) {
            if (property.getEnum() == null || !isInteger(property)) continue;
            List<Object> values = new ArrayList<>();
            for (Object value : property.getEnum()) values.add(Integer.valueOf(value.toString()));
            property.setEnum(null);
            values.forEach(property::addEnumItemObject);
        }
    }

    private static boolean isInteger(Schema<?> schema) {
        return "integer".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("integer"));
    }
}
