package org.simexplorer.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the app's own request mappings: every /api operation is in it with a summary,
 * its request and response shapes and its problem responses; nothing in it is stale.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class ApiDocumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One /api operation as the app maps it. */
    record Mapped(String path, String method, HandlerMethod handler) {
        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private JsonNode document;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @BeforeEach
    void readDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        document = JSON.readTree(response.body());
    }

    private List<Mapped> apiMappings() {
        List<Mapped> mapped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) continue;
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    mapped.add(new Mapped(path, method.name().toLowerCase(Locale.ROOT), entry.getValue()));
                }
            }
        }
        return mapped;
    }

    private JsonNode operation(Mapped mapped) {
        return document.path("paths").path(mapped.path()).path(mapped.method());
    }

    /** A schema reference is resolved once, so that a shape is checked, not just named. */
    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : document.at(ref.substring(1));
    }

    @Test
    void everyApiPathAndMethodTheAppMapsIsDocumented() {
        List<Mapped> mapped = apiMappings();
        assertThat(mapped).as("the app maps /api operations").hasSizeGreaterThanOrEqualTo(20);
        List<String> missing = mapped.stream().filter(m -> operation(m).isMissingNode()).map(Mapped::name).toList();
        assertThat(missing).as("operations the app maps but the document lacks").isEmpty();
    }

    @Test
    void theDocumentHoldsNoPathTheAppDoesNotMap() {
        Set<String> mappedPaths = new TreeSet<>(apiMappings().stream().map(Mapped::path).toList());
        Set<String> documented = new TreeSet<>(document.path("paths").propertyNames());
        assertThat(documented).isEqualTo(mappedPaths);
    }

    @Test
    void everyOperationHasASummaryAndATypedAnswer() {
        for (Mapped mapped : apiMappings()) {
            JsonNode operation = operation(mapped);
            assertThat(operation.path("summary").asString("")).as(mapped.name()).isNotBlank();
            JsonNode responses = operation.path("responses");
            String success = responses.propertyNames().stream().filter(code -> code.startsWith("2")).findFirst()
                    .orElseThrow(() -> new AssertionError(mapped.name() + " documents no success response"));
            if (success.equals("204")) continue;
            JsonNode content = responses.path(success).path("content");
            assertThat(content.isEmpty()).as(mapped.name() + " documents no answer content").isFalse();
            for (String mediaType : content.propertyNames()) {
                JsonNode schema = resolve(content.path(mediaType).path("schema"));
                boolean typed = schema.has("properties") || schema.path("type").asString("").equals("array")
                        || schema.path("type").asString("").equals("string");
                assertThat(typed).as(mapped.name() + " " + mediaType + " answers an untyped " + schema).isTrue();
                if (schema.path("type").asString("").equals("array")) {
                    JsonNode items = resolve(schema.path("items"));
                    assertThat(items.has("properties") || items.has("type"))
                            .as(mapped.name() + " answers an array of untyped items").isTrue();
                }
            }
        }
    }

    @Test
    void everyRequestBodyIsDocumentedWithItsShape() {
        for (Mapped mapped : apiMappings()) {
            boolean takesBody = false;
            for (var parameter : mapped.handler().getMethodParameters()) {
                takesBody |= parameter.hasParameterAnnotation(RequestBody.class);
            }
            if (!takesBody) continue;
            JsonNode content = operation(mapped).path("requestBody").path("content");
            assertThat(content.isEmpty()).as(mapped.name() + " has no documented request body").isFalse();
            for (String mediaType : content.propertyNames()) {
                JsonNode schema = resolve(content.path(mediaType).path("schema"));
                assertThat(schema.has("properties") || schema.has("items")
                        || schema.path("type").asString("").equals("string"))
                        .as(mapped.name() + " " + mediaType + " request body shape: " + schema).isTrue();
            }
        }
    }

    @Test
    void declaredProblemResponsesAreProblemDetailsAndA503TellsWhenToRetry() {
        int declared = 0;
        for (Mapped mapped : apiMappings()) {
            Method method = mapped.handler().getMethod();
            ProblemResponses problems = method.getAnnotation(ProblemResponses.class);
            if (problems == null) continue;
            for (int status : problems.value()) {
                declared++;
                JsonNode response = operation(mapped).path("responses").path(Integer.toString(status));
                assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref")
                        .asString("")).as(mapped.name() + " " + status).isEqualTo("#/components/schemas/ProblemDetail");
                if (status == 503) {
                    assertThat(response.path("headers").has("Retry-After")).as(mapped.name()).isTrue();
                }
            }
        }
        assertThat(declared).isGreaterThan(20);
        JsonNode problem = document.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance");
        // Every operation that takes input that can be malformed (a body, a query, a numeric id) documents a 400.
        for (Mapped mapped : apiMappings()) {
            boolean takesInput = operation(mapped).has("requestBody");
            for (JsonNode parameter : operation(mapped).path("parameters")) {
                takesInput |= parameter.path("in").asString("").equals("query")
                        || !parameter.path("schema").path("type").asString("string").equals("string");
            }
            if (takesInput) {
                assertThat(operation(mapped).path("responses").has("400")).as(mapped.name() + " documents 400").isTrue();
            }
        }
    }

    @Test
    void theImportBodyIsTheExportFileNotABase64String() {
        JsonNode body = document.at("/paths/~1api~1datasets~1import/post/requestBody");
        assertThat(body.path("required").asBoolean()).isTrue();
        assertThat(body.path("content").propertyNames()).containsExactly("application/json");
        assertThat(body.at("/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/DatasetArchive");
        JsonNode label = document.at("/components/schemas/LabelChange/properties/label");
        assertThat(label.path("type").asString()).isEqualTo("integer");
        assertThat(label.path("enum").valueStream().map(JsonNode::isIntegralNumber)).containsOnly(true);
    }

    @Test
    void swaggerUiServesTheDocument() throws Exception {
        HttpResponse<String> ui = get("/swagger-ui.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(document.at("/info/title").asString()).isEqualTo("Similarity Explorer API");
    }
}
