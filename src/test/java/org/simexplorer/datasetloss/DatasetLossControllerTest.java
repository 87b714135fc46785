package org.simexplorer.datasetloss;

import org.simexplorer.labels.Label;
import org.simexplorer.labels.LabelRepository;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.loss.LossConfiguration;
import org.simexplorer.loss.LossService;
import org.simexplorer.similarity.SimilarityConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The HTTP contract of a dataset's losses, loss and metrics, on the real loss math; the stored embeddings and
 * labels are stand-ins. Four 2-d rows: cosines S01 = 0, S02 = S12 = 1/√2, S03 = -1.
 */
@WebMvcTest(DatasetLossController.class)
@Import({DatasetLosses.class, LossService.class, LossConfiguration.class, SimilarityConfiguration.class})
class DatasetLossControllerTest {

    private static final double R = Math.sqrt(0.5);

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DatasetEmbeddings embeddings;
    @MockitoBean
    LabelRepository labels;

    @BeforeEach
    void storedDataset() {
        when(embeddings.of(3L)).thenReturn(new Embeddings("all-minilm-l6-v2",
                new float[][] {{1, 0}, {0, 1}, {1, 1}, {-1, 0}}, List.of()));
        Instant now = Instant.parse("2026-12-01T20:00:00Z");
        when(labels.list(3L)).thenReturn(List.of(new Label(0, 1, -1, now, now), new Label(0, 2, 1, now, now),
                new Label(0, 3, -1, now, now), new Label(1, 2, 1, now, now)));
        when(embeddings.of(9L)).thenThrow(new NotFoundException("There is no dataset 9."));
    }

    @Test
    void everyLossInOneAnswerInTheOrderOfTheCatalogue() throws Exception {
        double cosineMse = (2 * (1 - R) * (1 - R) + 0 + 1) / 4;
        mvc.perform(get("/api/datasets/3/losses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("all-minilm-l6-v2"))
                .andExpect(jsonPath("$.labelledPairs").value(4))
                .andExpect(jsonPath("$.losses[*].loss").value(contains("seed-sigmoid-bce", "cosine-mse",
                        "contrastive", "online-contrastive", "cosent", "softmax-ce", "sigmoid")))
                .andExpect(jsonPath("$.losses[*].value").value(everyItem(notNullValue())))
                .andExpect(jsonPath("$.losses[*].undefinedReason").value(everyItem(nullValue())))
                .andExpect(jsonPath("$.losses[1].value").value(closeTo(cosineMse, 1e-6), Double.class))
                .andExpect(jsonPath("$.losses[2].params.margin").value(0.5))
                .andExpect(jsonPath("$.losses[0].gradient").doesNotExist())
                .andExpect(jsonPath("$.losses[0].pairContributions").doesNotExist());
    }

    @Test
    void parametersComeAsLossDotName() throws Exception {
        mvc.perform(get("/api/datasets/3/losses").param("contrastive.margin", "0.3").param("sigmoid.t", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.losses[2].params.margin").value(0.3))
                .andExpect(jsonPath("$.losses[3].params.margin").value(0.5))
                .andExpect(jsonPath("$.losses[6].params.t").value(5.0))
                .andExpect(jsonPath("$.losses[6].params.b").value(-10.0));
    }

    @Test
    void withoutLabelsEveryLossIsUndefinedWithItsReason() throws Exception {
        when(labels.list(3L)).thenReturn(List.of());
        mvc.perform(get("/api/datasets/3/losses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.labelledPairs").value(0))
                .andExpect(jsonPath("$.losses", hasSize(7)))
                .andExpect(jsonPath("$.losses[*].undefinedReason").value(everyItem(startsWith("There are no labelled pairs"))))
                .andExpect(content().string(containsString("\"value\":null")));
    }

    @Test
    void softmaxCeWithoutAUsableRowIsUndefinedWhileTheOthersAreNot() throws Exception {
        Instant now = Instant.now();
        when(labels.list(3L)).thenReturn(List.of(new Label(0, 2, 1, now, now)));
        mvc.perform(get("/api/datasets/3/losses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.losses[5].value").value(nullValue()))
                .andExpect(jsonPath("$.losses[5].undefinedReason").value(startsWith("softmax-ce is undefined")))
                .andExpect(jsonPath("$.losses[4].value").value(0.0))
                .andExpect(jsonPath("$.losses[1].value").value(closeTo((1 - R) * (1 - R), 1e-6), Double.class));
    }

    @Test
    void badParametersAre400() throws Exception {
        problem(mvc.perform(get("/api/datasets/3/losses").param("margin", "0.3")), 400,
                "Unknown query parameter 'margin': give loss parameters as LOSS.PARAM=value, for example "
                        + "contrastive.margin=0.3.");
        problem(mvc.perform(get("/api/datasets/3/losses").param("contrastive.scale", "1")), 400,
                "Unknown parameter 'scale' for loss 'contrastive': its parameters are margin.");
        problem(mvc.perform(get("/api/datasets/3/losses").param("contrastive.margin", "wide")), 400,
                "Parameter 'margin' must be a number.");
        problem(mvc.perform(get("/api/datasets/3/losses").param("cosent.scale", "-1")), 400,
                "Parameter 'scale' is -1.0; it must be greater than 0.");
        problem(mvc.perform(get("/api/datasets/3/losses").param("triplet.margin", "1")), 400,
                "Parameters are given for an unknown loss 'triplet'. Known losses: seed-sigmoid-bce, cosine-mse, "
                        + "contrastive, online-contrastive, cosent, softmax-ce, sigmoid.");
    }

    @Test
    void missingDatasetIs404() throws Exception {
        mvc.perform(get("/api/datasets/9/losses")).andExpect(status().isNotFound());
        mvc.perform(get("/api/datasets/9/loss").param("loss", "cosent")).andExpect(status().isNotFound());
        mvc.perform(get("/api/datasets/9/metrics")).andExpect(status().isNotFound());
    }

    @Test
    void oneLossKeepsItsContributionsAndGradient() throws Exception {
        mvc.perform(get("/api/datasets/3/loss").param("loss", "contrastive").param("margin", "0.3")
                        .param("gradient", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.params.margin").value(0.3))
                .andExpect(jsonPath("$.labelledPairs").value(4))
                .andExpect(jsonPath("$.gradient", hasSize(4)))
                .andExpect(jsonPath("$.pairContributions", hasSize(4)))
                .andExpect(jsonPath("$.pairContributions[0].similarity").value(closeTo(0, 1e-6), Double.class))
                .andExpect(jsonPath("$.pairContributions[1].similarity").value(closeTo(R, 1e-6), Double.class));
        mvc.perform(get("/api/datasets/3/loss").param("loss", "cosent").param("pairContributions", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gradient").doesNotExist())
                .andExpect(jsonPath("$.pairContributions").doesNotExist());
        mvc.perform(get("/api/datasets/3/loss")).andExpect(status().isBadRequest());
    }

    @Test
    void metricsAreFlatWithNullsWhereUndefined() throws Exception {
        // Positives at 1/√2, negatives at 0 and -1: perfectly separated.
        mvc.perform(get("/api/datasets/3/metrics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairs").value(4))
                .andExpect(jsonPath("$.positives").value(2))
                .andExpect(jsonPath("$.negatives").value(2))
                .andExpect(jsonPath("$.rocAuc").value(1.0))
                .andExpect(jsonPath("$.averagePrecision").value(1.0))
                .andExpect(jsonPath("$.accuracy").value(1.0));
        when(labels.list(3L)).thenReturn(List.of());
        mvc.perform(get("/api/datasets/3/metrics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pairs").value(0))
                .andExpect(content().string(containsString("\"rocAuc\":null")))
                .andExpect(content().string(not(containsString("NaN"))));
    }

    private static void problem(ResultActions result, int status, String detail) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(detail));
    }
}
