package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.simexplorer.errors.UndefinedException;
import org.simexplorer.similarity.MatrixProduct;
import tools.jackson.databind.JsonNode;

/**
 * Every case and loss of the PyTorch float64 reference for adapters (see resources/loss/README.md): the loss on
 * E·W and ∂L/∂W within 1e-4 relative or 1e-6 absolute; a null loss must be the 422. On the default product
 * (plain Java for most of these sizes) and with ONNX Runtime forced for every product.
 */
class AdapterLossReferenceTest {

    private static final JsonNode reference = ReferenceFiles.read("/loss/adapter-gradients.json");
    private static MatrixProduct defaultRoute;
    private static MatrixProduct ortRoute;
    private static final PairLossRegistry registry = new PairLossRegistry();

    // The routes are opened once here and closed after all; cases() only reads the file.
    @BeforeAll
    static void openRoutes() {
        defaultRoute = new MatrixProduct();
        ortRoute = new MatrixProduct(2, 0);
    }

    @AfterAll
    static void close() {
        defaultRoute.close();
        ortRoute.close();
    }

    static Stream<Arguments> cases() throws Exception {
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
        JsonNode c = ReferenceFiles.caseNamed(reference, caseName);
        float[][] embeddings = PairLossReferenceTest.floatMatrix(c.get("embeddings"));
        float[][] adapter = PairLossReferenceTest.floatMatrix(c.get("adapter"));
        LabelledPairs pairs = PairTarget.fromArray(PairLossReferenceTest.doubleMatrix(c.get("target"))).toLabelledPairs();
        PairLoss loss = registry.find(lossId);
        LossParameters params = LossParameters.resolve(loss, ReferenceFiles.paramsFor(reference, lossId));
        AdapterLossEvaluator evaluator = new AdapterLossEvaluator(route.equals("ort") ? ortRoute : defaultRoute);
        JsonNode expected = c.get("losses").get(lossId);

        if (expected.isNull()) {
            assertThatThrownBy(() -> evaluator.evaluate(embeddings, adapter, pairs, loss, params, true))
                    .isInstanceOf(UndefinedException.class);
            return;
        }
        AdapterLossResult result = evaluator.evaluate(embeddings, adapter, pairs, loss, params, true);
        ReferenceFiles.assertClose(caseName + " " + lossId + " value", result.value(), expected.get("value").asDouble());
        double[][] dW = PairLossReferenceTest.doubleMatrix(expected.get("adapterGradient"));
        assertThat(result.adapterGradient()).hasDimensions(dW.length, dW[0].length);
        for (int r = 0; r < dW.length; r++) {
            for (int k = 0; k < dW[r].length; k++) {
                ReferenceFiles.assertClose(caseName + " " + lossId + " dW[" + r + "][" + k + "]", result.adapterGradient()[r][k],
                        dW[r][k]);
            }
        }
        assertThat(result.embeddingGradient()).hasDimensions(embeddings.length, embeddings[0].length);
    }
}
