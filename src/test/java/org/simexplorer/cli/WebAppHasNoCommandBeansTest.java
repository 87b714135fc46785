package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.training.TrainingBenchmark;
import org.simexplorer.training.TrainingEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The bench and eval commands and what only they use are made for the "cli" profile, not in the web app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class WebAppHasNoCommandBeansTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theWebAppMakesNoCommandAndNoBenchmarkBean() {
        assertThat(context.getBeanNamesForType(TrainingBenchmark.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TrainingEvaluation.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CliCommand.class)).isEmpty();
        List<String> fromCli = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    return type != null && type.getPackageName().equals(CliCommand.class.getPackageName());
                }).toList();
        assertThat(fromCli).isEmpty();
        // The check sees the app's own beans: the loss evaluator the benchmarks read is there.
        assertThat(context.getBeanNamesForType(org.simexplorer.loss.SparsePairLossEvaluator.class)).hasSize(1);
    }
}
