package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gzipped dataset answer is the dataset's JSON, made once per version: the same version is answered from the
 * bytes kept, another version or a change to the dataset makes them again.
 */
class DatasetAnswersTest {

    /** Counts how often the answer's JSON shape is asked for, which is what reads the sentences. */
    private static final class CountedViews extends DatasetViews {
        final AtomicInteger views = new AtomicInteger();

        CountedViews() {
            super(null, null);
        }

        @Override
        public View view(long id) {
            views.incrementAndGet();
            return new View(id, "d" + id, "all-minilm-l6-v2", "2026-01-01T00:00:00Z", List.of("A cat.", "A dog."),
                    new Counts(2, views.get(), 0, 0), 0);
        }
    }

    @Test
    void theAnswerIsMadeOncePerVersionAndAgainAfterAChange() throws Exception {
        CountedViews views = new CountedViews();
        JsonMapper json = JsonMapper.builder().build();
        DatasetAnswers answers = new DatasetAnswers(views, json, new CacheBudget(null, null, null));

        byte[] first = answers.gzipped(7, "v1");
        assertThat(json.readTree(gunzip(first)).get("sentences").get(1).asString()).isEqualTo("A dog.");
        assertThat(answers.gzipped(7, "v1")).isSameAs(first);
        assertThat(views.views).hasValue(1);

        assertThat(answers.gzipped(7, "v2")).isNotSameAs(first);
        assertThat(views.views).hasValue(2);

        answers.onChanged(new DatasetEvents.DatasetAppended(7));
        answers.gzipped(7, "v1");
        assertThat(views.views).hasValue(3);
    }

    private static String gunzip(byte[] bytes) throws Exception {
        return new String(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
