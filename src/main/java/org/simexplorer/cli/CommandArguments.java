package org.simexplorer.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The arguments of a bench or eval command: flags {@code --name=value} (or {@code --name value}) among the names
 * the command takes, and the words that are not flags. Spring's own {@code --a.b=c} properties may sit among them
 * and are skipped. A flag the command does not take, or a value that is not of its type, is a
 * {@link BadArguments} naming the flag; {@link CommandLineTool} answers it with the usage line and exit code 2.
 */
final class CommandArguments {

    /** Arguments a command cannot run with; the message names the flag or word. */
    static final class BadArguments extends IllegalArgumentException {
        BadArguments(String message) {
            super(message);
        }
    }

    private final Map<String, String> flags;
    private final List<String> words;

    private CommandArguments(Map<String, String> flags, List<String> words) {
        this.flags = flags;
        this.words = words;
    }

    /** @param names the flags the command takes, without the leading {@code --} */
    static CommandArguments parse(List<String> args, String... names) {
        Set<String> known = Set.of(names);
        Map<String, String> flags = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            String arg = args.get(k);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (known.contains(name)) {
                if (equals >= 0) {
                    flags.put(name, arg.substring(equals + 1));
                } else if (k + 1 < args.size()) {
                    flags.put(name, args.get(++k));
                } else {
                    throw new BadArguments("--" + name + " needs a value.");
                }
            } else if (!name.contains(".") || equals < 0) {
                throw new BadArguments("Unknown flag --" + name + ".");
            }
        }
        return new CommandArguments(flags, List.copyOf(words));
    }

    /** The words that are not flags, in order. */
    List<String> words() {
        return words;
    }

    /** @throws BadArguments when there are words, for a command that takes none */
    CommandArguments noWords() {
        if (!words.isEmpty()) throw new BadArguments("Unexpected argument '" + words.get(0) + "'.");
        return this;
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    String text(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return has(name) ? parsed(name, "a whole number", () -> Integer.parseInt(flags.get(name))) : fallback;
    }

    long longInteger(String name, long fallback) {
        return has(name) ? parsed(name, "a whole number", () -> Long.parseLong(flags.get(name))) : fallback;
    }

    double decimal(String name, double fallback) {
        return has(name) ? parsed(name, "a number", () -> Double.parseDouble(flags.get(name))) : fallback;
    }

    /** A comma-separated list of whole numbers, such as {@code --sizes=2000,5000}. */
    int[] integers(String name, int... fallback) {
        return has(name) ? parsed(name, "comma-separated whole numbers",
                () -> Arrays.stream(flags.get(name).split(",")).mapToInt(Integer::parseInt).toArray()) : fallback;
    }

    /** A comma-separated list, such as {@code --losses=cosent,contrastive}. */
    List<String> list(String name, List<String> fallback) {
        return has(name) ? List.of(flags.get(name).split(",")) : fallback;
    }

    /** A word that must be a whole number, such as a size given without a flag. */
    static int wholeNumber(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new BadArguments("'" + word + "' is not a whole number.");
        }
    }

    private <T> T parsed(String name, String kind, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw new BadArguments("--" + name + " must be " + kind + ", not '" + flags.get(name) + "'.");
        }
    }
}
