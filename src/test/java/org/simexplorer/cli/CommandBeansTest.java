package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.training.TrainingBenchmark;
import org.simexplorer.training.TrainingEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** In the "cli" profile, as {@code java -jar app.jar bench ...} starts, the commands run on the app's beans. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:cli-commands;DB_CLOSE_DELAY=-1")
@ActiveProfiles("cli")
class CommandBeansTest {

    @Autowired
    List<CliCommand> commands;
    @Autowired
    TrainingBenchmark trainingBenchmark;
    @Autowired
    TrainingEvaluation trainingEvaluation;

    private String run(String... words) throws Exception {
        List<String> args = List.of(words);
        CliCommand command = commands.stream().filter(c -> args.subList(0, 2).equals(c.words())).findFirst()
                .orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = command.run(args.subList(2, args.size()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandIsThere() {
        assertThat(commands).extracting(c -> String.join(" ", c.words())).contains("eval", "eval train",
                "bench similarity", "bench tiles", "bench train", "bench losses", "bench compare", "bench neighbours",
                "bench cluster");
    }

    @Test
    void theTileBenchTakesItsFlags() throws Exception {
        String out = run("bench", "tiles", "--sizes=1000", "--runs=1", "--warmup=0");
        assertThat(out).contains("bench=tiles\n").contains("timing=best_and_median_of_1_runs_after_0_warmup_runs\n")
                .contains("finest_level_n1000=").contains("mean_overview_cold_n1000_ms_best=")
                .doesNotContain("_n5000");
    }
}
