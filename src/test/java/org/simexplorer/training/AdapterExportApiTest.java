package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.formats.SafetensorsReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A finished adapter over real HTTP with the real model: its sentence-transformers zip, its place in a model
 * comparison, and its way through a whole-dataset export and import. The adapters are stored with a known W
 * instead of trained, so that what comes back can be compared with what went in.
 */
@AdapterApiApp
class AdapterExportApiTest {

    private static final int D = TestAdapters.D;

    @LocalServerPort
    int port;
    @Autowired
    AdapterRepository adapters;

    private AdapterApiClient api;
    private String tag;

    @BeforeEach
    void client() {
        api = new AdapterApiClient("http://127.0.0.1:" + port);
        tag = Long.toString(System.nanoTime(), 36);
    }

    private long done(long dataset, String name, float[] w) {
        Instant now = Instant.now();
        return adapters.insertDone(TestAdapters.done(dataset, name), w, now, now);
    }

    private JsonNode json(HttpResponse<String> response) {
        return AdapterApiClient.JSON.readTree(response.body());
    }

    @Test
    void aFinishedAdapterExportsAsAZipWhoseSafetensorsReadBackToW() throws Exception {
        long dataset = api.labelledDataset("export-zip", 10);
        String name = "zip-" + tag;
        float[] w = TestAdapters.weights(21);
        long id = done(dataset, name, w);

        HttpResponse<byte[]> response = api.http().send(HttpRequest.newBuilder(api.uri("/api/adapters/" + id
                + "/export")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("filename=\"adapter-" + name + ".zip\"");
        Map<String, byte[]> files = SafetensorsReader.unzip(response.body());
        assertThat(files.keySet()).containsExactly("adapter.safetensors", "load_adapter.py");
        SafetensorsReader tensors = SafetensorsReader.read(files.get("adapter.safetensors"));
        assertThat(tensors.header().get("__metadata__").get("adapter").asString())
                .isEqualTo(TestAdapters.BASE + ":" + name);
        assertThat(tensors.shape("linear.weight")).containsExactly(D, D);
        float[] linear = tensors.values("linear.weight");
        // nn.Linear holds Wᵀ: weight[out][in] = W[in][out].
        for (int out = 0; out < D; out++) {
            for (int in = 0; in < D; in++) {
                if (linear[out * D + in] != w[in * D + out]) {
                    throw new AssertionError("linear.weight[" + out + "][" + in + "] is not W[" + in + "][" + out
                            + "]");
                }
            }
        }
        assertThat(new String(files.get("load_adapter.py"), StandardCharsets.UTF_8))
                .contains("Dense(384, 384, bias=False").contains("sentence-transformers/all-MiniLM-L6-v2");

        long queued = adapters.insert(TestAdapters.queued(dataset, "queued-" + tag));
        HttpResponse<String> notDone = api.get("/api/adapters/" + queued + "/export");
        assertThat(notDone.statusCode()).isEqualTo(409);
        assertThat(notDone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(notDone).get("status").asInt()).isEqualTo(409);
        assertThat(json(notDone).get("detail").asString()).contains("queued");
        assertThat(json(notDone).get("adapterStatus").asString()).isEqualTo("queued");
        // Cancelled, it stays without weights; and no queued row is left behind for the other tests of this app.
        assertThat(adapters.cancel(queued)).isTrue();
        assertThat(api.get("/api/adapters/" + queued + "/export").statusCode()).isEqualTo(409);
        HttpResponse<String> unknown = api.get("/api/adapters/987654321/export");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.get("/api/adapters/abc/export").statusCode()).isEqualTo(400);
    }

    @Test
    void aComparisonTakesAnAdapterAsAModel() throws Exception {
        long dataset = api.labelledDataset("compare-adapter", 12);
        String adapter = TestAdapters.BASE + ":cmp-" + tag;
        done(dataset, "cmp-" + tag, TestAdapters.weights(22));

        HttpResponse<String> response = api.get("/api/datasets/" + dataset + "/comparison?models="
                + TestAdapters.BASE + "," + adapter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode models = json(response).get("models");
        assertThat(models.get(1).get("model").asString()).isEqualTo(adapter);
        assertSameMetrics(models.get(0).get("metrics"), json(api.get("/api/datasets/" + dataset + "/metrics")));
        assertSameMetrics(models.get(1).get("metrics"), json(api.get("/api/datasets/" + dataset + "/metrics?model="
                + adapter)));
        JsonNode losses = json(api.get("/api/datasets/" + dataset + "/losses?model=" + adapter));
        for (int k = 0; k < losses.get("losses").size(); k++) {
            JsonNode expected = losses.get("losses").get(k);
            JsonNode column = models.get(1).get("losses").get("losses").get(k);
            assertThat(column.get("loss").asString()).isEqualTo(expected.get("loss").asString());
            assertThat(column.get("value").asDouble()).isCloseTo(expected.get("value").asDouble(), within(1e-9));
        }
        assertThat(models.get(1).get("spearmanWithFirst").asDouble()).as("W reorders some pairs").isLessThan(1.0);

        HttpResponse<String> unknown = api.get("/api/datasets/" + dataset + "/comparison?models="
                + TestAdapters.BASE + "," + TestAdapters.BASE + ":no-such-" + tag);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("no-such-" + tag);
        assertThat(json(unknown).get("knownModels").toString()).contains(adapter).contains(TestAdapters.BASE);
    }

    private static void assertSameMetrics(JsonNode actual, JsonNode expected) {
        assertThat(actual.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
        for (String field : expected.propertyNames()) {
            if (expected.get(field).isNull()) {
                assertThat(actual.get(field).isNull()).as(field).isTrue();
            } else {
                assertThat(actual.get(field).asDouble()).as(field).isCloseTo(expected.get(field).asDouble(),
                        within(1e-9));
            }
        }
    }

    @Test
    void aDatasetExportCarriesItsAdapterAndTheImportNamesTheModelItMade() throws Exception {
        long dataset = api.labelledDataset("archive-http", 10);
        String name = "carried-" + tag;
        float[] w = TestAdapters.weights(23);
        done(dataset, name, w);
        adapters.cancel(adapters.insert(TestAdapters.queued(dataset, "unfinished-" + tag)));

        HttpResponse<byte[]> exported = api.http().send(HttpRequest.newBuilder(api.uri("/api/datasets/" + dataset
                + "/export")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode archive = AdapterApiClient.JSON.readTree(exported.body());
        assertThat(archive.get("adapters").size()).as("only the finished adapter").isEqualTo(1);
        JsonNode entry = archive.get("adapters").get(0);
        assertThat(entry.get("name").asString()).isEqualTo(name);
        assertThat(entry.get("curve").size()).isEqualTo(TestAdapters.CURVE.size());
        assertThat(Base64.getDecoder().decode(entry.get("weights").asString())).isEqualTo(AdapterRepository.encode(w));

        HttpResponse<String> imported = api.http().send(HttpRequest.newBuilder(api.uri("/api/datasets/import"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        exported.body())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = json(imported);
        JsonNode restored = answer.get("adapters").get(0);
        assertThat(restored.get("archivedName").asString()).isEqualTo(name);
        assertThat(restored.get("name").asString()).isEqualTo(name + "-2");
        assertThat(restored.get("model").asString()).isEqualTo(TestAdapters.BASE + ":" + name + "-2");
        JsonNode view = json(api.get("/api/adapters/" + restored.get("id").asLong()));
        assertThat(view.get("status").asString()).isEqualTo("done");
        assertThat(view.get("datasetId").asLong()).isEqualTo(answer.get("id").asLong());
        assertThat(json(api.get("/api/datasets/" + answer.get("id").asLong() + "/metrics?model="
                + restored.get("model").asString()))).isEqualTo(json(api.get("/api/datasets/" + dataset
                + "/metrics?model=" + TestAdapters.BASE + ":" + name)));
    }
}
