package org.simexplorer.labels;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.errors.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(LabelConsistencyController.class)
class LabelConsistencyControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DatasetService datasets;
    @MockitoBean
    LabelRepository labels;

    @Test
    void answersConflictsAndImpliedPairsWithTheirChains() throws Exception {
        Instant at = Instant.parse("2026-12-01T20:00:00Z");
        when(datasets.sentences(5L)).thenReturn(Collections.nCopies(4, "s"));
        when(labels.list(5L)).thenReturn(List.of(new Label(0, 1, 1, at, at), new Label(1, 2, 1, at, at),
                new Label(0, 2, -1, at, at), new Label(2, 3, 1, at, at)));
        mvc.perform(get("/api/datasets/5/labels/conflicts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conflicts.length()").value(1))
                .andExpect(jsonPath("$.conflicts[0].i").value(0))
                .andExpect(jsonPath("$.conflicts[0].j").value(2))
                .andExpect(jsonPath("$.conflicts[0].path").value(org.hamcrest.Matchers.contains(0, 1, 2)))
                .andExpect(jsonPath("$.implied.length()").value(2))
                .andExpect(jsonPath("$.implied[0].path").value(org.hamcrest.Matchers.contains(1, 2, 3)))
                .andExpect(jsonPath("$.implied[1].path").value(org.hamcrest.Matchers.contains(0, 1, 2, 3)));
    }

    @Test
    void aMissingDatasetIsA404() throws Exception {
        when(datasets.sentences(9L)).thenThrow(new NotFoundException("There is no dataset 9."));
        mvc.perform(get("/api/datasets/9/labels/conflicts"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
