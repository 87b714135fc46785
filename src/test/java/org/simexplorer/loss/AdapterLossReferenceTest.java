package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.similarity.MatrixProduct;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every case and loss of the PyTorch float64 reference for adapters (see resources/loss/README.md): the loss on
 * E·W and ∂L/∂W within 1e-4 relative or 1e-6 absolute; a null loss must be the 422. On the default product
 * (plain Java for most of these sizes) and with ONNX Runtime forced for every product.
 */
class AdapterLossReferenceTest {

    private static final double RELATIVE = 1e-4;
    private static final double ABSOLUTE = 1e-6;

    private static JsonNode reference;
    private static MatrixProduct defaultRoute;
    private static MatrixProduct ortRoute;
    private static final PairLossRegistry registry = new PairLossRegistry();

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AdapterLossReferenceTest.class.getResourceAsStream("/loss/adapter-gradients.json")) {
            reference = JsonMapper.builder().build().readTree(in);
        }
        defaultRoute = new MatrixProduct();
        ortRoute = new MatrixProduct(2, 0);
    }

    @AfterAll
    static void close() {
        defaultRoute.close();
        ortRoute.close();
    }

    static Stream<Arguments> cases() throws Exception {
        load();
        List<Arguments> all = new ArrayList<>();
        for (JsonNode c : reference.get("cases")) {
            for (String loss : c.get("losses").propertyNames()) {
                all.add(Arguments.of(c.get("name").asString(), loss, "default"));
                all.add(Arguments.of(c.get("name").asString(), loss, "ort"));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesReference(String caseName, String lossId, String route) {
        JsonNode c = caseNamed(caseName);
        float[][] embeddings = PairLossReferenceTest.floatMatrix(c.get("embeddings"));
        float[][] adapter = PairLossReferenceTest.floatMatrix(c.get("adapter"));
        LabelledPairs pairs = PairTarget.fromArray(PairLossReferenceTest.doubleMatrix(c.get("target"))).toLabelledPairs();
        PairLoss loss = registry.find(lossId);
        LossParameters params = LossParameters.resolve(loss, paramsFor(lossId));
        AdapterLossEvaluator evaluator = new AdapterLossEvaluator(route.equals("ort") ? ortRoute : defaultRoute);
        JsonNode expected = c.get("losses").get(lossId);

        if (expected.isNull()) {
            assertThatThrownBy(() -> evaluator.evaluate(embeddings, adapter, pairs, loss, params, true))
                    .isInstanceOf(UndefinedException.class);
            return;
        }
        AdapterLossResult result = evaluator.evaluate(embeddings, adapter, pairs, loss, params, true);
        assertClose(caseName + " " + lossId + " value", result.value(), expected.get("value").asDouble());
        double[][] dW = PairLossReferenceTest.doubleMatrix(expected.get("adapterGradient"));
        assertThat(result.adapterGradient()).hasDimensions(dW.length, dW[0].length);
        for (int r = 0; r < dW.length; r++) {
            for (int k = 0; k < dW[r].length; k++) {
                assertClose(caseName + " " + lossId + " dW[" + r + "][" + k + "]", result.adapterGradient()[r][k],
                        dW[r][k]);
            }
        }
        assertThat(result.embeddingGradient()).hasDimensions(embeddings.length, embeddings[0].length);
    }

    private static Map<String, Object> paramsFor(String lossId) {
        JsonNode p = reference.get("params");
        Map<String, Object> params = new LinkedHashMap<>();
        switch (lossId) {
            case "contrastive", "online-contrastive" -> params.put("margin", p.get("margin").asDouble());
            case "cosent" -> params.put("scale", p.get("cosent_scale").asDouble());
            case "softmax-ce" -> params.put("temperature", p.get("softmax_temperature").asDouble());
            case "sigmoid" -> {
                params.put("t", p.get("sigmoid_t").asDouble());
                params.put("b", p.get("sigmoid_b").asDouble());
            }
            default -> { }
        }
        return params;
    }

    private static void assertClose(String what, double actual, double expected) {
        double error = Math.abs(actual - expected);
        if (!(error <= ABSOLUTE || error <= RELATIVE * Math.abs(expected))) {
            fail(what + ": got " + actual + ", expected " + expected + " (error " + error + ")");
        }
    }

    private static JsonNode caseNamed(String name) {
        for (JsonNode c : reference.get("cases")) {
            if (c.get("name").asString().equals(name)) return c;
        }
        throw new IllegalArgumentException(name);
    }
}
