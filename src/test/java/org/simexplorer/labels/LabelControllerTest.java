package org.simexplorer.labels;

import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.DomainException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.formats.ParsedUpload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LabelController.class)
@EnableConfigurationProperties({DatasetLimits.class, org.simexplorer.limits.RequestLimits.class})
class LabelControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    LabelService labels;

    @Test
    void putPassesChangesIncludingRemovals() throws Exception {
        when(labels.put(eq(3L), anyList())).thenReturn(new LabelService.PutResult(1, 1));
        mvc.perform(put("/api/datasets/3/labels").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"i\":2,\"j\":0,\"label\":1},{\"i\":0,\"j\":1,\"label\":0}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.set").value(1))
                .andExpect(jsonPath("$.removed").value(1))
                .andExpect(jsonPath("$.total").doesNotExist());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<LabelService.LabelChange>> changes = ArgumentCaptor.forClass(List.class);
        verify(labels).put(eq(3L), changes.capture());
        assertThat(changes.getValue()).containsExactly(new LabelService.LabelChange(2, 0, 1),
                new LabelService.LabelChange(0, 1, 0));
    }

    @Test
    void putRejectsOtherLabelValuesAndNonIntegers() throws Exception {
        mvc.perform(put("/api/datasets/3/labels").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"i\":0,\"j\":1,\"label\":2}]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.index").value(0));
        mvc.perform(put("/api/datasets/3/labels").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"i\":0,\"j\":1,\"label\":1},{\"i\":\"x\",\"j\":1,\"label\":1}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.index").value(1));
        mvc.perform(put("/api/datasets/3/labels").contentType(MediaType.APPLICATION_JSON).content("{\"i\":0}"))
                .andExpect(status().isBadRequest());
        verify(labels, never()).put(anyLong(), anyList());
    }

    @Test
    void listReturnsLabelsWithTimes() throws Exception {
        Instant t = Instant.parse("2026-11-26T20:00:00Z");
        when(labels.list(3L)).thenReturn(List.of(new Label(0, 2, -1, t, t)));
        mvc.perform(get("/api/datasets/3/labels"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].i").value(0))
                .andExpect(jsonPath("$[0].j").value(2))
                .andExpect(jsonPath("$[0].label").value(-1))
                .andExpect(jsonPath("$[0].createdAt").value("2026-11-26T20:00:00Z"));
    }

    @Test
    void missingDatasetIs404() throws Exception {
        DomainException missing = new NotFoundException("There is no dataset 9.");
        when(labels.list(9L)).thenThrow(missing);
        when(labels.export(9L, "csv", "label")).thenThrow(missing);
        mvc.perform(get("/api/datasets/9/labels")).andExpect(status().isNotFound());
        mvc.perform(get("/api/datasets/9/labels/export")).andExpect(status().isNotFound());
    }

    /** The rows themselves are LabelExport's (LabelExportTest); here: the format reaches the service, the type and the file name follow it. */
    @Test
    void exportIsAnAttachmentNamedAndTypedByItsFormat() throws Exception {
        when(labels.export(eq(3L), any(), any())).thenReturn("");
        mvc.perform(get("/api/datasets/3/labels/export"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("dataset-3-labels.csv")));
        verify(labels).export(3L, "csv", "label");
        mvc.perform(get("/api/datasets/3/labels/export").param("format", "jsonl"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/jsonl"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("dataset-3-labels.jsonl")));
        verify(labels).export(3L, "jsonl", "label");
        mvc.perform(get("/api/datasets/3/labels/export").param("column", "score")).andExpect(status().isOk());
        verify(labels).export(3L, "csv", "score");
    }

    @Test
    void importTakesAMultipartFileOrARawBody() throws Exception {
        when(labels.importPairs(eq(3L), any(), anyDouble())).thenReturn(new LabelService.ImportResult(1, 0, 1));
        mvc.perform(multipart("/api/datasets/3/labels/import").file(new MockMultipartFile("file", "l.jsonl",
                        "application/jsonl", "{\"sentence1\":\"a\",\"sentence2\":\"b\",\"label\":1}\n"
                        .getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        mvc.perform(post("/api/datasets/3/labels/import").param("threshold", "4")
                        .contentType("text/csv").content("sentence1,sentence2,score\na,b,4.5\n"))
                .andExpect(status().isOk());
        ArgumentCaptor<ParsedUpload> uploads = ArgumentCaptor.forClass(ParsedUpload.class);
        verify(labels).importPairs(eq(3L), uploads.capture(), eq(4.0));
        assertThat(uploads.getValue().pairs()).singleElement()
                .satisfies(p -> assertThat(p.plusMinusLabel(4.0)).isEqualTo(1));
    }

    @Test
    void rawJsonlBodyIsRecognisedByItsFirstCharacter() throws Exception {
        when(labels.importPairs(eq(3L), any(), anyDouble())).thenReturn(new LabelService.ImportResult(1, 0, 1));
        mvc.perform(post("/api/datasets/3/labels/import").contentType(MediaType.TEXT_PLAIN)
                        .content("\n{\"i\":0,\"j\":1,\"label\":0}\n"))
                .andExpect(status().isOk());
        ArgumentCaptor<ParsedUpload> uploads = ArgumentCaptor.forClass(ParsedUpload.class);
        verify(labels).importPairs(eq(3L), uploads.capture(), anyDouble());
        assertThat(uploads.getValue().pairs().get(0).byIndex()).isTrue();
    }

    @Test
    void badImportFileNamesTheLine() throws Exception {
        mvc.perform(post("/api/datasets/3/labels/import").contentType("text/csv")
                        .content("sentence1,sentence2,label\na,b,1\n\"unclosed,b,1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(3));
        verify(labels, never()).importPairs(anyLong(), any(), anyDouble());
    }
}
