package org.simexplorer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.formats.TextLine;
import org.simexplorer.scheduling.BackgroundScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A dataset job whose instance stops in the middle of the embedding is taken up by another scheduler on the same
 * database and resumes from its committed cursor: the sentences below it keep their vectors and never reach the
 * model again, and the dataset ends complete with exactly the input's sentences. Real model, H2.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:dataset-job-resume;DB_CLOSE_DELAY=-1",
        "simexplorer.datasets.embed-chunk=16",
        "simexplorer.scheduling.polling-interval=200ms"})
@Import(DatasetJobResumeTest.Counting.class)
@DirtiesContext
class DatasetJobResumeTest {

    @TestConfiguration
    static class Counting {
        @Bean
        static BeanPostProcessor countingEmbedder() {
            return CountingEmbedder.wrapper();
        }
    }

    @Autowired
    DatasetJobs jobs;
    @Autowired
    DatasetJobRepository repository;
    @Autowired
    DatasetService datasets;
    @Autowired
    BackgroundScheduler scheduler;
    @Autowired
    List<Task<?>> tasks;
    @Autowired
    DataSource dataSource;
    @Autowired
    SentenceEmbedder models;

    private DatasetJobRepository.JobRow await(String id, java.util.function.Predicate<DatasetJobRepository.JobRow> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            DatasetJobRepository.JobRow row = repository.find(id).orElseThrow();
            if (until.test(row)) return row;
            Thread.sleep(20);
        }
        throw new AssertionError("the job never got there: " + repository.find(id));
    }

    @Test
    void aJobCutOffByAStopResumesFromItsCursorOnAnotherScheduler() throws Exception {
        CountingEmbedder embedder = (CountingEmbedder) models;
        List<String> texts = IntStream.range(0, 240).mapToObj(k -> "Resumed upload line " + k + " about harbours.")
                .toList();
        List<TextLine> lines = IntStream.range(0, texts.size()).mapToObj(k -> new TextLine(texts.get(k), k + 1))
                .toList();
        embedder.takeCalls();
        String id = jobs.start(datasets.prepare("Resumed", null, lines, List.of(), 2.5)).id();
        await(id, row -> row.embedded() >= 48);

        scheduler.stop(); // the run leaves at its next chunk boundary; its execution is scheduled again
        DatasetJobRepository.JobRow cut = repository.find(id).orElseThrow();
        assertThat(cut.state()).isEqualTo(JobState.RUNNING);
        int cursor = cut.embedded();
        assertThat(cursor).isBetween(48, texts.size() - 1);
        Thread.sleep(500);
        assertThat(repository.find(id).orElseThrow().embedded()).as("nothing runs once stopped").isEqualTo(cursor);
        List<String> before = embedder.takeCalls().stream().flatMap(List::stream).toList();
        assertThat(before).containsExactlyInAnyOrderElementsOf(texts.subList(0, cursor));

        Scheduler second = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .schedulerName(new SchedulerName.Fixed("second-instance")).threads(2)
                .pollingInterval(Duration.ofMillis(200)).heartbeatInterval(Duration.ofSeconds(1)).build();
        second.start();
        try {
            DatasetJobRepository.JobRow done = await(id, row -> row.state().finished());
            assertThat(done.state()).as(String.valueOf(done.errorDetail())).isEqualTo(JobState.DONE);
            assertThat(done.owner()).isEqualTo("second-instance");
            assertThat(done.resumes()).isEqualTo(1);
            assertThat(done.runFrom()).isEqualTo(cursor);
            assertThat(done.embedded()).isEqualTo(texts.size());
            List<String> after = embedder.takeCalls().stream().flatMap(List::stream).toList();
            assertThat(after).as("only the sentences past the cursor, once each")
                    .containsExactlyInAnyOrderElementsOf(texts.subList(cursor, texts.size()));
            assertThat(datasets.sentences(done.datasetId())).containsExactlyElementsOf(texts);
            assertThat(datasets.embeddings(done.datasetId()).vectors().length).isEqualTo(texts.size());
            assertThat(second.getScheduledExecution(new TaskInstance<>(DatasetJobRunner.TASK, id)))
                    .as("the execution is gone once the job is done").isEmpty();
        } finally {
            second.stop();
        }
    }
}
