package org.simexplorer.loss;

import org.simexplorer.errors.UndefinedException;
import org.simexplorer.errors.DomainException;
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
import org.simexplorer.similarity.MatrixProduct;
import tools.jackson.databind.JsonNode;

/**
 * Every case and every loss of the PyTorch float64 autograd reference: value and gradient within 1e-4
 * relative or 1e-6 absolute; a null loss must be the 422. Run on every route of the sparse evaluator: one dot
 * product per labelled pair, and one product of the touched rows, on the default product (plain Java for these
 * tiny sizes) and with ONNX Runtime forced for every size.
 */
class PairLossReferenceTest {

    private static final JsonNode reference = ReferenceFiles.read("/loss/pair-losses.json");
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
                for (String route : List.of("per-pair", "product", "product-ort")) {
                    all.add(Arguments.of(c.get("name").asString(), loss, route));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void matchesReference(String caseName, String lossId, String route) {
        JsonNode c = ReferenceFiles.caseNamed(reference, caseName);
        float[][] embeddings = floatMatrix(c.get("embeddings"));
        LabelledPairs target = PairTarget.fromArray(doubleMatrix(c.get("target"))).toLabelledPairs();
        PairLoss loss = registry.find(lossId);
        LossParameters params = LossParameters.resolve(loss, ReferenceFiles.paramsFor(reference, lossId));
        SparsePairLossEvaluator evaluator = switch (route) {
            case "per-pair" -> new SparsePairLossEvaluator(defaultRoute, 0);
            case "product" -> new SparsePairLossEvaluator(defaultRoute, Integer.MAX_VALUE);
            default -> new SparsePairLossEvaluator(ortRoute, Integer.MAX_VALUE);
        };
        JsonNode expected = c.get("losses").get(lossId);

        if (expected.isNull()) {
            assertThatThrownBy(() -> evaluator.evaluate(embeddings, target, loss, params, true, true))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e).isInstanceOf(UndefinedException.class));
            return;
        }
        LossResult result = evaluator.evaluate(embeddings, target, loss, params, true, true);
        ReferenceFiles.assertClose(caseName + " " + lossId + " value", result.value(), expected.get("value").asDouble());
        double[][] grad = doubleMatrix(expected.get("grad"));
        assertThat(result.gradient()).hasDimensions(grad.length, grad[0].length);
        for (int i = 0; i < grad.length; i++) {
            for (int k = 0; k < grad[i].length; k++) {
                ReferenceFiles.assertClose(caseName + " " + lossId + " grad[" + i + "][" + k + "]", result.gradient()[i][k], grad[i][k]);
            }
        }
        if (result.pairContributions() != null) {
            double sum = result.pairContributions().stream().mapToDouble(PairContribution::contribution).sum();
            ReferenceFiles.assertClose(caseName + " " + lossId + " sum of contributions", sum, result.value());
            double[][] cosine = doubleMatrix(c.get("cosine"));
            result.pairContributions().forEach(p ->
                    ReferenceFiles.assertClose("similarity " + p, p.similarity(), cosine[p.i()][p.j()]));
        }
    }

    static double[][] doubleMatrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            m[i] = new double[rows.get(i).size()];
            for (int k = 0; k < m[i].length; k++) m[i][k] = rows.get(i).get(k).asDouble();
        }
        return m;
    }

    static float[][] floatMatrix(JsonNode rows) {
        double[][] d = doubleMatrix(rows);
        float[][] m = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            m[i] = new float[d[i].length];
            for (int k = 0; k < d[i].length; k++) m[i][k] = (float) d[i][k];
        }
        return m;
    }
}
