package org.simexplorer.api;

import org.simexplorer.loss.LossConfiguration;
import org.simexplorer.loss.LossService;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.similarity.SimilarityConfiguration;
import org.simexplorer.limits.RequestLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The HTTP contract of /api/loss and /api/losses, on the real loss math and the real ORT product. */
@WebMvcTest(LossController.class)
@Import({LossService.class, LossConfiguration.class, SimilarityConfiguration.class,
        org.simexplorer.limits.ConcurrencyLimits.class})
@EnableConfigurationProperties({RequestLimits.class, org.simexplorer.limits.ConcurrencyProperties.class})
class LossControllerTest {

    // Rows 0 and 2 point the same way (S = 1), row 1 is orthogonal to both (S = 0).
    private static final String EMBEDDINGS = "\"embeddings\": [[1, 0], [0, 2], [3, 0]]";

    @Autowired
    private MockMvc mvc;

    // Wiring only: these tests send embeddings; sentences go through the real model in LossApiTest.
    @MockitoBean
    private SentenceEmbedder embedder;

    @Test
    void cosineMseWithTargetAndGradient() throws Exception {
        // Pairs: (0,1) +1 with S = 0 → 1; (0,2) +1 with S = 1 → 0; (1,2) -1 with S = 0 → 1. Mean 2/3.
        postLoss("""
                {"loss": "cosine-mse", "gradient": true, %s,
                 "target": [[0, 1, 1], [1, 0, -1], [1, -1, 0]]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.loss").value("cosine-mse"))
                .andExpect(jsonPath("$.value").value(closeTo(2.0 / 3, 1e-6)))
                .andExpect(jsonPath("$.labelledPairs").value(3))
                .andExpect(jsonPath("$.params").isEmpty())
                .andExpect(jsonPath("$.gradient", hasSize(3)))
                .andExpect(jsonPath("$.gradient[0]", hasSize(2)))
                // ∂L/∂S01 = 2(0 − 1)/3 and ∂L/∂S02 = 0, so ∂L/∂x0 = −2/3·x1 = (0, −2/3); x0 = e0 (norm 1) and
                // (0, −2/3) is orthogonal to x0, so it passes the normalisation unchanged.
                .andExpect(jsonPath("$.gradient[0][0]").value(closeTo(0, 1e-6)))
                .andExpect(jsonPath("$.gradient[0][1]").value(closeTo(-2.0 / 3, 1e-6)))
                .andExpect(jsonPath("$.pairContributions", hasSize(3)))
                .andExpect(jsonPath("$.pairContributions[0].i").value(0))
                .andExpect(jsonPath("$.pairContributions[0].j").value(1))
                .andExpect(jsonPath("$.pairContributions[0].label").value(1))
                .andExpect(jsonPath("$.pairContributions[0].similarity").value(closeTo(0, 1e-6)))
                .andExpect(jsonPath("$.pairContributions[0].contribution").value(closeTo(1.0 / 3, 1e-6)));
    }

    @Test
    void pairsWithParameterOverrideAndNoGradient() throws Exception {
        postLoss("""
                {"loss": "sigmoid", "params": {"t": 5}, %s,
                 "pairs": [{"i": 0, "j": 2, "label": 1}, {"i": 1, "j": 2, "label": -1}]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.params.t").value(5.0))
                .andExpect(jsonPath("$.params.b").value(-10.0))
                // softplus(−(5·1 − 10)) and softplus(5·0 − 10), averaged
                .andExpect(jsonPath("$.value").value(closeTo((Math.log1p(Math.exp(5)) + Math.log1p(Math.exp(-10))) / 2, 1e-6)))
                .andExpect(jsonPath("$.gradient").doesNotExist())
                .andExpect(jsonPath("$.pairContributions", hasSize(2)));
    }

    @Test
    void lossesWithoutPerPairTermsAndOptOut() throws Exception {
        postLoss("""
                {"loss": "cosent", %s, "target": [[0, 1, 1], [1, 0, -1], [1, -1, 0]]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.params.scale").value(20.0))
                .andExpect(jsonPath("$.pairContributions").doesNotExist());
        postLoss("""
                {"loss": "contrastive", "pairContributions": false, %s,
                 "target": [[0, 1, 1], [1, 0, -1], [1, -1, 0]]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairContributions").doesNotExist());
    }

    @Test
    void listsEveryLossWithParametersAndFormula() throws Exception {
        mvc.perform(get("/api/losses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(contains("seed-sigmoid-bce", "cosine-mse", "contrastive",
                        "online-contrastive", "cosent", "softmax-ce", "sigmoid")))
                .andExpect(jsonPath("$[4].parameters[0].name").value("scale"))
                .andExpect(jsonPath("$[4].parameters[0].defaultValue").value(20.0))
                .andExpect(jsonPath("$[4].pairContributions").value(false))
                .andExpect(jsonPath("$[5].parameters[0].defaultValue").value(0.05))
                .andExpect(jsonPath("$[6].parameters[*].name").value(contains("t", "b")))
                .andExpect(jsonPath("$[0].scores").value("raw dot products"))
                .andExpect(jsonPath("$[1].formula").value(startsWith("Mean over labelled pairs of (S_ij − T_ij)²")));
    }

    @Test
    void unknownLossIs404WithTheKnownIds() throws Exception {
        problem(postLoss("{\"loss\": \"triplet\", %s, \"target\": [[0,1,1],[1,0,1],[1,1,0]]}".formatted(EMBEDDINGS)), 404,
                "Unknown loss 'triplet'. Known losses: seed-sigmoid-bce, cosine-mse, contrastive, online-contrastive, "
                        + "cosent, softmax-ce, sigmoid.")
                .andExpect(jsonPath("$.knownLosses", hasSize(7)));
    }

    @Test
    void targetNotNByN() throws Exception {
        problem(postLoss("{\"loss\": \"cosine-mse\", %s, \"target\": [[0, 1], [1, 0]]}".formatted(EMBEDDINGS)), 400,
                "'target' has 2 rows but there are 3 embeddings: it must be 3×3.");
    }

    @Test
    void targetNotSymmetric() throws Exception {
        problem(postLoss("{\"loss\": \"cosine-mse\", %s, \"target\": [[0,1,1],[1,0,1],[-1,1,0]]}".formatted(EMBEDDINGS)),
                400, "The target is not symmetric: target[0][2] is 1 but target[2][0] is -1.");
    }

    @Test
    void targetValueOutsideTheLabels() throws Exception {
        problem(postLoss("{\"loss\": \"cosine-mse\", %s, \"target\": [[0,2,1],[2,0,1],[1,1,0]]}".formatted(EMBEDDINGS)),
                400, "target[0][1] is 2; labels must be -1, 0 or 1.");
    }

    @Test
    void labelOnTheDiagonal() throws Exception {
        problem(postLoss("{\"loss\": \"cosine-mse\", %s, \"target\": [[1,1,1],[1,0,1],[1,1,0]]}".formatted(EMBEDDINGS)),
                400, "target[0][0] is 1: the diagonal must be 0, a sentence is not labelled against itself.");
    }

    @Test
    void pairIndexOutOfRange() throws Exception {
        problem(postLoss("{\"loss\": \"cosine-mse\", %s, \"pairs\": [{\"i\": 0, \"j\": 3, \"label\": 1}]}"
                        .formatted(EMBEDDINGS)), 400,
                "pairs[0].j is 3, out of range: with 3 embeddings, indices run from 0 to 2.")
                .andExpect(jsonPath("$.pair").value(0));
    }

    @Test
    void noLabelledPairsIs422() throws Exception {
        problem(postLoss("{\"loss\": \"sigmoid\", %s, \"target\": [[0,0,0],[0,0,0],[0,0,0]]}".formatted(EMBEDDINGS)),
                422, "There are no labelled pairs: every label off the diagonal is 0, so the loss is undefined. "
                        + "Label at least one pair +1 or -1.");
    }

    @Test
    void softmaxCeUndefinedIs422() throws Exception {
        problem(postLoss("{\"loss\": \"softmax-ce\", %s, \"target\": [[0,-1,-1],[-1,0,-1],[-1,-1,0]]}"
                        .formatted(EMBEDDINGS)), 422,
                "softmax-ce is undefined for this target: no row has both a positive pair and another labelled pair "
                        + "to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).");
    }

    @Test
    void unknownParameter() throws Exception {
        problem(postLoss("{\"loss\": \"cosent\", \"params\": {\"margin\": 1}, %s, \"target\": [[0,1,1],[1,0,1],[1,1,0]]}"
                        .formatted(EMBEDDINGS)), 400,
                "Unknown parameter 'margin' for loss 'cosent': its parameters are scale.");
    }

    @Test
    void labelsGivenTwiceOrNotAtAll() throws Exception {
        problem(postLoss("{\"loss\": \"cosent\", %s, \"target\": [[0,1,1],[1,0,1],[1,1,0]], \"pairs\": []}"
                .formatted(EMBEDDINGS)), 400, "Give the labels as either 'target' or 'pairs', not both.");
        problem(postLoss("{\"loss\": \"cosent\", %s}".formatted(EMBEDDINGS)), 400,
                "The labels are missing: give 'target' (an N×N matrix of -1, 0, 1) or 'pairs' (a list of "
                        + "{\"i\", \"j\", \"label\"}).");
    }

    @Test
    void inputMissingOrMalformed() throws Exception {
        problem(postLoss("{\"loss\": \"cosent\", \"pairs\": []}"), 400,
                "The input is missing: give 'embeddings' (an N×D matrix) or 'sentences' (a list of strings, with an "
                        + "optional 'model').");
        problem(postLoss("{\"loss\": \"cosent\", \"embeddings\": [[1, 0], [1]], \"pairs\": []}"), 400,
                "embeddings[1] has 1 values but embeddings[0] has 2: rows must all have the same length.");
        problem(postLoss("{\"loss\": \"cosent\", \"sentences\": [\"a\", 3], \"pairs\": []}"), 400,
                "sentences[1] is a number, not a string.");
        problem(postLoss("{\"loss\": \"cosent\", " + EMBEDDINGS + ", \"model\": \"x\", \"pairs\": []}"), 400,
                "'model' applies only to 'sentences'; 'embeddings' are used as given.");
    }

    @Test
    void adapterAddsItsGradientAndKeepsTheGradientOfTheEmbeddings() throws Exception {
        // W = [I | 0] (2×3): E·W is E with a zero column, so every cosine, the value and ∂L/∂E are as without it.
        postLoss("""
                {"loss": "cosine-mse", "gradient": true, %s, "adapter": [[1, 0, 0], [0, 1, 0]],
                 "target": [[0, 1, 1], [1, 0, -1], [1, -1, 0]]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(closeTo(2.0 / 3, 1e-6)))
                .andExpect(jsonPath("$.gradient", hasSize(3)))
                .andExpect(jsonPath("$.gradient[0]", hasSize(2)))
                .andExpect(jsonPath("$.gradient[0][1]").value(closeTo(-2.0 / 3, 1e-6)))
                .andExpect(jsonPath("$.adapterGradient", hasSize(2)))
                .andExpect(jsonPath("$.adapterGradient[0]", hasSize(3)))
                .andExpect(jsonPath("$.pairContributions[0].similarity").value(closeTo(0, 1e-6)));
        // Without "gradient" the answer has neither gradient.
        postLoss("""
                {"loss": "cosine-mse", %s, "adapter": [[1, 0, 0], [0, 1, 0]],
                 "pairs": [{"i": 0, "j": 1, "label": 1}]}""".formatted(EMBEDDINGS))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gradient").doesNotExist())
                .andExpect(jsonPath("$.adapterGradient").doesNotExist());
    }

    @Test
    void adapterOfTheWrongShapeOrTypeIs400NamingTheField() throws Exception {
        problem(postLoss("{\"loss\": \"cosent\", " + EMBEDDINGS + ", \"adapter\": [[1, 0]], \"pairs\": []}"), 400,
                "'adapter' has 1 rows but the embeddings have 2 dimensions; W must be D × K with D = 2.")
                .andExpect(jsonPath("$.field").value("adapter"));
        problem(postLoss("{\"loss\": \"cosent\", " + EMBEDDINGS + ", \"adapter\": [[1, \"x\"], [0, 1]], \"pairs\": []}"),
                400, "adapter[0][1] is not a number.")
                .andExpect(jsonPath("$.field").value("adapter"));
        problem(postLoss("{\"loss\": \"cosent\", " + EMBEDDINGS + ", \"adapter\": [], \"pairs\": []}"), 400,
                "'adapter' is missing or empty: give a non-empty list of rows.");
    }

    private ResultActions postLoss(String json) throws Exception {
        return mvc.perform(post("/api/loss").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static ResultActions problem(ResultActions result, int status, String detail) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(detail));
    }
}
