package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import org.simexplorer.training.TrainingBenchmark;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench train}: the time of one adapter step and of a whole default training, per loss; then the
 * {@code bench losses} figures (every loss on a 5,000-sentence dataset with 1,000 labels), beside them.
 */
@Component
@Profile("cli")
class TrainBenchCommand implements CliCommand {

    private final TrainingBenchmark benchmark;
    private final LossesBenchmark losses;

    TrainBenchCommand(TrainingBenchmark benchmark, LossesBenchmark losses) {
        this.benchmark = benchmark;
        this.losses = losses;
    }

    @Override
    public List<String> words() {
        return List.of("bench", "train");
    }

    @Override
    public String usage() {
        return "bench train [--sentences=2000] [--pairs=5000] [--dimension=384] [--runs=21] [--seed=42] [--losses=a,b]";
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        CommandArguments arguments = CommandArguments.parse(args, "sentences", "pairs", "dimension", "runs", "seed",
                "losses").noWords();
        out.println("load_average_start=" + Timings.loadAverage());
        benchmark.run(out, arguments.integer("sentences", 2000), arguments.integer("pairs", 5000),
                arguments.integer("dimension", 384), arguments.integer("runs", 21), arguments.longInteger("seed", 42),
                arguments.list("losses", List.of()));
        out.println("load_average_end=" + Timings.loadAverage());
        return losses.run(List.of(), out);
    }
}
