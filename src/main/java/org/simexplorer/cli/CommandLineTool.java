package org.simexplorer.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Dispatches {@code eval} and {@code bench ...} to the matching {@link CliCommand} bean. */
@Component
@Profile("cli")
public class CommandLineTool implements ApplicationRunner, ExitCodeGenerator {

    private static final Set<String> FIRST_WORDS = Set.of("eval", "bench");

    private final List<CliCommand> commands;
    private int exitCode;

    CommandLineTool(List<CliCommand> commands) {
        this.commands = commands;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && FIRST_WORDS.contains(args[0]);
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        List<String> args = Arrays.asList(arguments.getSourceArgs());
        // The longest match wins: "eval train" before "eval".
        CliCommand chosen = null;
        for (CliCommand command : commands) {
            List<String> words = command.words();
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)
                    && (chosen == null || words.size() > chosen.words().size())) {
                chosen = command;
            }
        }
        if (chosen != null) {
            try {
                exitCode = chosen.run(args.subList(chosen.words().size(), args.size()), System.out);
            } catch (CommandArguments.BadArguments bad) {
                System.err.println(bad.getMessage());
                System.err.println("usage: " + chosen.usage());
                exitCode = 2;
            }
            return;
        }
        System.err.println("Unknown command: " + String.join(" ", args));
        commands.forEach(c -> System.err.println("usage: " + c.usage()));
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
