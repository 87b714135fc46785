package org.simexplorer.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (/v3/api-docs, browsable at /swagger-ui.html): its header, the RFC 9457 problem schema,
 * and each operation's problem responses, taken from its {@link ProblemResponses} annotation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "ProblemDetail";

    private static final Map<Integer, String> MEANINGS = Map.of(
            400, "Malformed JSON or invalid input; the detail names the field, index or line at fault.",
            404, "No such dataset, model or loss; the problem lists the known ids where that helps.",
            406, "The answer cannot be given in the requested format; the detail names the one to ask for.",
            409, "The request conflicts with the current state.",
            413, "Over a size limit (sentences, characters, upload bytes); the problem's 'limit' gives it.",
            422, "Well-formed input on which the loss or metric is undefined.",
            503, "Busy, or a model is still loading: nothing was done. Retry after the Retry-After seconds.");

    @Bean
    OpenAPI apiDocument(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Similarity Explorer API")
                        .version(properties != null ? properties.getVersion() : "dev")
                        .description("Embed sentences, compare them, label pairs and measure losses and metrics."
                                + " Every error is an RFC 9457 problem detail (" + PROBLEM_JSON + ")."))
                .components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared == null) return operation;
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            for (int status : declared.value()) {
                responses.addApiResponse(Integer.toString(status), problemResponse(status));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problemResponse(int status) {
        String meaning = MEANINGS.get(status);
        if (meaning == null) throw new IllegalStateException("@ProblemResponses names " + status + ", which has no meaning here");
        ApiResponse response = new ApiResponse().description(meaning).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        if (status == 503) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    /** RFC 9457's members; the app adds its own (limit, line, index, knownModels, ...) beside them. */
    private static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem detail; extension members such as 'limit', 'line', 'index' or"
                        + " 'knownModels' appear where they help.")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("'sentences' is empty."))
                .addProperty("instance", new StringSchema().format("uri").example("/api/embed"));
        problem.setAdditionalProperties(true);
        return problem;
    }
}
