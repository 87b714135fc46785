package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.List;
import org.simexplorer.training.TrainingBenchmark;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code bench train}: the time of one adapter step and of a whole default training, per loss; then, as the
 * training issue asks, the {@code bench losses} figures (every loss on a 5,000-sentence dataset with 1,000 labels).
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
        int sentences = 2000;
        int pairs = 5000;
        int dimension = 384;
        int runs = 21;
        long seed = 42;
        List<String> only = List.of();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                System.err.println("usage: " + usage());
                return 2;
            }
            switch (kv[0]) {
                case "--sentences" -> sentences = Integer.parseInt(kv[1]);
                case "--pairs" -> pairs = Integer.parseInt(kv[1]);
                case "--dimension" -> dimension = Integer.parseInt(kv[1]);
                case "--runs" -> runs = Integer.parseInt(kv[1]);
                case "--seed" -> seed = Long.parseLong(kv[1]);
                case "--losses" -> only = List.of(kv[1].split(","));
                default -> {
                    // Spring's own --name=value arguments may sit among ours.
                    if (kv[0].contains(".")) continue;
                    System.err.println("usage: " + usage());
                    return 2;
                }
            }
        }
        out.println("load_average_start=" + Timings.loadAverage());
        benchmark.run(out, sentences, pairs, dimension, runs, seed, only);
        out.println("load_average_end=" + Timings.loadAverage());
        return losses.run(List.of(), out);
    }
}
