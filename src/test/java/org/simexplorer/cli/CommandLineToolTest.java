package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;
import org.springframework.boot.DefaultApplicationArguments;

/** The dispatcher with a real command: bad arguments give the reason, the usage line and exit code 2. */
class CommandLineToolTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private MatrixProduct product;

    @BeforeEach
    void captureErrors() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        product = new MatrixProduct(1, Long.MAX_VALUE);
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        product.close();
    }

    private int run(String... args) throws Exception {
        CommandLineTool tool = new CommandLineTool(List.of(new ClusterOrderBenchmark(new CosineMatrix(product),
                product)));
        tool.run(new DefaultApplicationArguments(args));
        return tool.getExitCode();
    }

    @Test
    void aBadArgumentIsExplainedWithTheUsage() throws Exception {
        assertThat(run("bench", "cluster", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'many' is not a whole number.")
                .contains("usage: bench cluster [N ...]");
    }

    @Test
    void anUnknownCommandListsTheUsages() throws Exception {
        assertThat(run("bench", "nothing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: bench nothing")
                .contains("usage: bench cluster");
    }
}
