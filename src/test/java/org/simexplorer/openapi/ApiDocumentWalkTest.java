package org.simexplorer.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole API document, walked: every schema typed, every parameter described, every tag named by a person,
 * and every operation answering a valid request with a status and media type the document gives it, each
 * documented success status and request body type being one a valid request gets. Real model, H2, one small
 * labelled dataset with a trained adapter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:document-walk;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentWalkTest {

    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");

    @LocalServerPort
    int port;

    private JsonNode document;
    private final List<String> faults = new ArrayList<>();

    @BeforeAll
    void readDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        document = ValidRequests.JSON.readTree(response.body());
    }

    @BeforeEach
    void noFaultsYet() {
        faults.clear();
    }

    @Test
    void everySchemaIsTypedAndItsFormatDefaultAndEnumMatchTheType() {
        document.path("components").path("schemas").properties()
                .forEach(entry -> checkSchema("#/components/schemas/" + entry.getKey(), entry.getValue()));
        forEachOperation((name, operation) -> {
            operation.path("parameters").forEach(p -> checkSchema(name + " ?" + p.path("name").asString(),
                    p.path("schema")));
            operation.path("requestBody").path("content").properties().forEach(body -> checkSchema(name + " body "
                    + body.getKey(), body.getValue().path("schema")));
            operation.path("responses").properties().forEach(response -> response.getValue().path("content")
                    .properties().forEach(body -> checkSchema(name + " " + response.getKey() + " " + body.getKey(),
                            body.getValue().path("schema"))));
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyParameterIsDescribedAndEveryTagIsNamedByAPerson() {
        Set<String> used = new TreeSet<>();
        forEachOperation((name, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("description").asString("").isBlank()) {
                    faults.add(name + ": parameter '" + parameter.path("name").asString() + "' has no description");
                }
            }
            operation.path("tags").forEach(tag -> used.add(tag.asString()));
            if (operation.path("tags").isEmpty()) faults.add(name + " has no tag");
        });
        Set<String> described = new TreeSet<>();
        document.path("tags").forEach(tag -> described.add(tag.path("name").asString()));
        for (String tag : used) {
            // springdoc names an untagged controller's tag after its class: "adapter-controller"
            if (tag.matches("[a-z0-9]+(-[a-z0-9]+)*")) faults.add("generated tag name '" + tag + "'");
            if (!described.contains(tag)) faults.add("tag '" + tag + "' has no description");
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationAnswersAValidRequestWithADocumentedStatusAndMediaType() throws Exception {
        ValidRequests requests = new ValidRequests(port);
        List<String[]> operations = new ArrayList<>();
        forEachOperation((name, operation) -> operations.add(new String[] {name}));
        // deletions last, so that nothing a later request needs is gone
        operations.sort((a, b) -> Boolean.compare(a[0].startsWith("DELETE"), b[0].startsWith("DELETE")));
        int sent = 0;
        for (String[] entry : operations) {
            String name = entry[0];
            JsonNode operation = operationNamed(name);
            List<Supplier<ValidRequests.Sent>> valid = requests.of(name);
            if (valid.isEmpty()) {
                faults.add(name + " has no valid request to try");
                continue;
            }
            Set<String> answered = new TreeSet<>();
            Set<String> bodiesSent = new TreeSet<>();
            for (Supplier<ValidRequests.Sent> request : valid) {
                ValidRequests.Sent one = request.get();
                HttpResponse<byte[]> response = requests.send(one);
                sent++;
                if (one.contentType() != null) bodiesSent.add(one.contentType());
                String status = Integer.toString(response.statusCode());
                answered.add(status);
                JsonNode documented = operation.path("responses").path(status);
                if (documented.isMissingNode()) {
                    faults.add(name + " answered " + status + ", which it does not document: "
                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
                JsonNode content = documented.path("content");
                if (!content.isEmpty() && !content.has(type)) {
                    faults.add(name + " answered " + status + " as " + type + "; the document says "
                            + content.propertyNames());
                }
            }
            operation.path("responses").propertyNames().stream().filter(code -> code.startsWith("2"))
                    .filter(code -> !answered.contains(code))
                    .forEach(code -> faults.add(name + " documents " + code + " but valid requests get " + answered));
            operation.path("requestBody").path("content").propertyNames().stream()
                    .filter(type -> !bodiesSent.contains(type))
                    .forEach(type -> faults.add(name + " documents a " + type + " body that no valid request sends"));
        }
        assertThat(sent).isGreaterThanOrEqualTo(operations.size());
        assertThat(faults).isEmpty();
    }

    /** A schema is typed when it names its type(s), refers to one, or combines typed ones; then its parts. */
    private void checkSchema(String where, JsonNode schema) {
        if (schema.isMissingNode() || schema.has("$ref")) return;
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) type.forEach(t -> types.add(t.asString()));
        else if (type.isString()) types.add(type.asString());
        for (String combiner : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode parts = schema.path(combiner);
            for (int k = 0; k < parts.size(); k++) checkSchema(where + "/" + combiner + "/" + k, parts.get(k));
            if (!parts.isEmpty()) return;
        }
        if (types.isEmpty() || !TYPES.containsAll(types)) {
            faults.add(where + " is untyped: " + schema);
            return;
        }
        String format = schema.path("format").asString("");
        if ((format.equals("int32") || format.equals("int64")) && !types.contains("integer")
                || (format.equals("float") || format.equals("double")) && !types.contains("number")) {
            faults.add(where + " has format " + format + " but type " + types);
        }
        if (schema.has("default") && !fits(schema.get("default"), types)) {
            faults.add(where + " has a default " + schema.get("default") + " that is not of type " + types);
        }
        for (JsonNode value : schema.path("enum")) {
            if (!fits(value, types)) faults.add(where + " lists " + value + ", which is not of type " + types);
        }
        schema.path("properties").properties().forEach(p -> checkSchema(where + "." + p.getKey(), p.getValue()));
        if (types.contains("array")) checkSchema(where + "[]", schema.path("items").isMissingNode()
                ? ValidRequests.JSON.createObjectNode() : schema.path("items"));
        if (schema.path("additionalProperties").isObject()) {
            checkSchema(where + "{}", schema.path("additionalProperties"));
        }
    }

    private static boolean fits(JsonNode value, List<String> types) {
        return types.contains("string") && value.isString() || types.contains("integer") && value.isIntegralNumber()
                || types.contains("number") && value.isNumber() || types.contains("boolean") && value.isBoolean()
                || types.contains("array") && value.isArray() || types.contains("object") && value.isObject();
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                visitor.visit(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue())));
    }

    private JsonNode operationNamed(String name) {
        int space = name.indexOf(' ');
        return document.path("paths").path(name.substring(space + 1)).path(name.substring(0, space)
                .toLowerCase(Locale.ROOT));
    }
}
