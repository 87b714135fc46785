package org.simexplorer.dataset;

import org.simexplorer.formats.PairRow;
import org.simexplorer.formats.UploadParser;
import org.simexplorer.errors.NotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.simexplorer.formats.TextLine;
import org.simexplorer.limits.RequestLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({DatasetController.class, SimilarityMatrixController.class})
@Import({DatasetViews.class, SentenceInputs.class, DatasetAnswers.class})
@EnableConfigurationProperties({DatasetLimits.class, RequestLimits.class, CacheBudget.class})
class DatasetControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DatasetService datasets;
    @MockitoBean
    DatasetSimilarity similarity;
    @MockitoBean
    DatasetLabels labels;

    private final Dataset dataset = new Dataset(7L, "demo", "all-minilm-l6-v2", Instant.parse("2026-11-26T20:00:00Z"));

    @BeforeEach
    void knownDataset() {
        when(datasets.get(7L)).thenReturn(dataset);
        when(datasets.get(404L)).thenThrow(DatasetService.missing(404L));
        when(datasets.sentences(7L)).thenReturn(List.of("a", "b", "c"));
        when(datasets.sentenceCount(7L)).thenReturn(3);
        when(labels.counts(7L)).thenReturn(new DatasetLabels.LabelCounts(2, 1));
    }

    @Test
    void createFromJsonAnswers201WithLocationAndId() throws Exception {
        when(datasets.create(eq("demo"), eq(null), anyList(), anyList(), anyDouble()))
                .thenReturn(new DatasetService.Change(dataset, 3, List.of(new DatasetService.Duplicate("a", 0, 0)),
                        0, 0));
        mvc.perform(post("/api/datasets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"demo\",\"sentences\":[\"a\",\"b\",\"c\",\"a\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/datasets/7"))
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.model").value("all-minilm-l6-v2"))
                .andExpect(jsonPath("$.sentences.length()").value(3))
                .andExpect(jsonPath("$.counts.sentences").value(3))
                .andExpect(jsonPath("$.counts.labels").value(2))
                .andExpect(jsonPath("$.counts.positives").value(1))
                .andExpect(jsonPath("$.counts.negatives").value(1))
                .andExpect(jsonPath("$.duplicates[0].text").value("a"));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<TextLine>> sent = ArgumentCaptor.forClass(List.class);
        verify(datasets).create(eq("demo"), eq(null), sent.capture(), anyList(), anyDouble());
        assertThat(sent.getValue()).extracting(TextLine::text).containsExactly("a", "b", "c", "a");
    }

    @Test
    void nonStringSentenceIsA400NamingItsIndex() throws Exception {
        mvc.perform(post("/api/datasets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"demo\",\"sentences\":[\"a\",5]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.index").value(1));
        verify(datasets, never()).create(any(), any(), anyList(), anyList(), anyDouble());
    }

    @Test
    void multipartUploadIsParsedByExtension() throws Exception {
        when(datasets.create(eq("pairs"), eq("bge-small-en-v15"), anyList(), anyList(), eq(3.0)))
                .thenReturn(new DatasetService.Change(dataset, 3, List.of(), 1, 0));
        MockMultipartFile file = new MockMultipartFile("file", "pairs.csv", "text/csv",
                "sentence1,sentence2,score\na,b,4\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/datasets").file(file).param("name", "pairs").param("model", "bge-small-en-v15")
                        .param("threshold", "3.0"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.labelsImported").value(1));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<PairRow>> pairs = ArgumentCaptor.forClass(List.class);
        verify(datasets).create(eq("pairs"), eq("bge-small-en-v15"), anyList(), pairs.capture(), eq(3.0));
        assertThat(pairs.getValue()).singleElement().satisfies(p -> assertThat(p.plusMinusLabel(3.0)).isEqualTo(1));
    }

    @Test
    void badUploadIsA400NamingTheLineAndSavesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
                "sentence1,sentence2,label\na,b,1\nc,d,maybe\n".getBytes(StandardCharsets.UTF_8));
        when(datasets.create(any(), any(), anyList(), anyList(), anyDouble()))
                .thenAnswer(call -> {
                    List<PairRow> pairs = call.getArgument(3);
                    pairs.forEach(p -> p.plusMinusLabel(call.getArgument(4)));
                    return null;
                });
        mvc.perform(multipart("/api/datasets").file(file).param("name", "bad"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("maybe")));
    }

    @Test
    void invalidUtf8UploadIsA400NamingTheLine() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "bad.txt", "text/plain",
                new byte[] {'o', 'k', '\n', (byte) 0xFF, '\n'});
        mvc.perform(multipart("/api/datasets").file(file).param("name", "bad"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(2));
        verify(datasets, never()).create(any(), any(), anyList(), anyList(), anyDouble());
    }

    @Test
    void tooManyJsonSentencesIs413NamingTheDefaultLimitOf200000() throws Exception {
        StringBuilder body = new StringBuilder("{\"name\":\"big\",\"sentences\":[");
        for (int k = 0; k < 200_001; k++) body.append(k == 0 ? "" : ",").append("\"s").append(k).append('"');
        mvc.perform(post("/api/datasets").contentType(MediaType.APPLICATION_JSON).content(body.append("]}").toString()))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.limit").value(200_000))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("200000")));
    }

    @Test
    void missingDatasetIs404Everywhere() throws Exception {
        when(datasets.sentences(404L)).thenThrow(DatasetService.missing(404L));
        when(similarity.render(eq(404L), isNull(), org.mockito.ArgumentMatchers.anyBoolean(),
                org.mockito.ArgumentMatchers.any()))
                .thenThrow(DatasetService.missing(404L));
        org.mockito.Mockito.doThrow(DatasetService.missing(404L)).when(datasets).delete(404L);
        when(datasets.append(eq(404L), anyList(), anyList(), anyDouble())).thenThrow(DatasetService.missing(404L));
        mvc.perform(get("/api/datasets/404")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/datasets/404/similarity")).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/datasets/404"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/datasets/404/sentences").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sentences\":[\"x\"]}")).andExpect(status().isNotFound());
    }

    @Test
    void listShowsCounts() throws Exception {
        when(datasets.list()).thenReturn(List.of(dataset));
        mvc.perform(get("/api/datasets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(7))
                .andExpect(jsonPath("$[0].counts.sentences").value(3));
    }

    private DatasetSimilarity.Matrix threeByThree() {
        float[] s = {1f, 0.1f, 0.95f, 0.1f, 1f, -0.2f, 0.95f, -0.2f, 1f};
        return new DatasetSimilarity.Matrix("all-minilm-l6-v2", 3, s);
    }

    /** The service renders under its N×N permit; here it hands the renderer the given matrix. */
    @SuppressWarnings("unchecked")
    private void givenMatrix(long id, DatasetSimilarity.Matrix matrix) {
        when(similarity.render(eq(id), isNull(), org.mockito.ArgumentMatchers.anyBoolean(),
                org.mockito.ArgumentMatchers.any()))
                .thenAnswer(call -> {
                    boolean cluster = call.getArgument(2);
                    var renderer = (java.util.function.BiFunction<DatasetSimilarity.Matrix, int[], Object>)
                            call.getArgument(3);
                    return renderer.apply(matrix, cluster ? org.simexplorer.similarity.ClusterOrder.of(
                            new float[][] {{1f, 0.1f, 0.95f}, {0.1f, 1f, -0.2f}, {0.95f, -0.2f, 1f}})
                            : matrix.inputOrder());
                });
    }

    @Test
    void similarityAsJsonInClusterOrder() throws Exception {
        givenMatrix(7L, threeByThree());
        mvc.perform(get("/api/datasets/7/similarity").param("order", "cluster"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("all-minilm-l6-v2"))
                .andExpect(jsonPath("$.order.length()").value(3))
                // 0 and 2 are nearest, so 1 sits at an end and 0, 2 are adjacent.
                .andExpect(jsonPath("$.order[1]").value(org.hamcrest.Matchers.not(1)))
                .andExpect(jsonPath("$.matrix[0][0]").value(1.0));
        mvc.perform(get("/api/datasets/7/similarity"))
                .andExpect(jsonPath("$.order[0]").value(0))
                .andExpect(jsonPath("$.matrix[1][2]").value(-0.2f));
    }

    @Test
    void similarityAsInt16Binary() throws Exception {
        givenMatrix(7L, threeByThree());
        byte[] body = mvc.perform(get("/api/datasets/7/similarity").param("format", "int16"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_OCTET_STREAM))
                .andReturn().getResponse().getContentAsByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(body).hasSize(4 + 3 * 4 + 9 * 2);
        assertThat(buffer.getInt()).isEqualTo(3);
        int[] order = {buffer.getInt(), buffer.getInt(), buffer.getInt()};
        assertThat(order).containsExactly(0, 1, 2);
        short[] values = new short[9];
        for (int k = 0; k < 9; k++) values[k] = buffer.getShort();
        assertThat(values).containsExactly(new short[] {10000, 1000, 9500, 1000, 10000, -2000, 9500, -2000, 10000});

        byte[] viaAccept = mvc.perform(get("/api/datasets/7/similarity").param("order", "cluster")
                        .accept(MediaType.APPLICATION_OCTET_STREAM))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        ByteBuffer cluster = ByteBuffer.wrap(viaAccept).order(ByteOrder.LITTLE_ENDIAN);
        cluster.getInt();
        int first = cluster.getInt();
        int second = cluster.getInt();
        cluster.getInt();
        // Values follow the order: cell (0,1) of the body is S[first][second].
        cluster.getShort();
        assertThat(cluster.getShort()).isEqualTo((short) Math.round(threeByThree().at(first, second) * 10000));
    }

    @Test
    void unknownOrderIs400() throws Exception {
        mvc.perform(get("/api/datasets/7/similarity").param("order", "random"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void appendFromJson() throws Exception {
        when(datasets.append(eq(7L), anyList(), anyList(), anyDouble()))
                .thenReturn(new DatasetService.Change(dataset, 1, List.of(), 0, 0));
        mvc.perform(post("/api/datasets/7/sentences").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentences\":[\"d\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(1));
    }

    @Test
    void unknownModelIs404FromTheEmbedder() throws Exception {
        when(datasets.create(any(), eq("no-such-model"), anyList(), anyList(), anyDouble()))
                .thenThrow(new NotFoundException("Unknown model 'no-such-model'."));
        mvc.perform(post("/api/datasets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"sentences\":[\"a\"],\"model\":\"no-such-model\"}"))
                .andExpect(status().isNotFound());
    }
}
