package org.simexplorer.cli;

import java.io.PrintStream;
import java.util.List;

/** A command run as {@code java -jar app.jar NAME [SUB] args...}, printing key=value lines. */
public interface CliCommand {

    /** The words that select this command, for example {@code ["bench", "embed"]}. */
    List<String> words();

    /** Usage line printed on bad arguments. */
    String usage();

    /** Runs with the arguments after {@link #words()}; returns the process exit code. */
    int run(List<String> args, PrintStream out) throws Exception;
}
