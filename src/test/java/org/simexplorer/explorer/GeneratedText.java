package org.simexplorer.explorer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Distinct, readable English sentences built from a few word lists, for a large dataset in tests. */
public final class GeneratedText {

    private static final String[] SUBJECTS = {"The old fisherman", "A young teacher", "My neighbour", "The chef",
        "Our manager", "A tired student", "The pilot", "The doctor", "A street musician", "The gardener",
        "My grandmother", "The engineer", "A small child", "The journalist", "The farmer", "A tourist"};
    private static final String[] VERBS = {"repaired", "painted", "sold", "found", "cleaned", "photographed",
        "described", "carried", "borrowed", "ordered", "measured", "forgot"};
    private static final String[] OBJECTS = {"a wooden boat", "the kitchen table", "an old bicycle",
        "a red umbrella", "the broken clock", "a basket of apples", "the garden fence", "a pile of letters",
        "the school bus", "a silver kettle", "the violin", "a box of tools", "the city map", "a winter coat",
        "the laptop"};
    private static final String[] PLACES = {"near the harbour", "before breakfast", "in the rain",
        "after the storm", "at the market", "on Sunday", "behind the station", "in the mountains"};

    private GeneratedText() {
    }

    public static List<String> sentences(int count) {
        Set<String> out = new LinkedHashSet<>();
        long state = 42;
        while (out.size() < count) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int a = (int) ((state >>> 33) % SUBJECTS.length);
            int b = (int) ((state >>> 40) % VERBS.length);
            int c = (int) ((state >>> 20) % OBJECTS.length);
            int d = (int) ((state >>> 50) % PLACES.length);
            out.add(SUBJECTS[a] + " " + VERBS[b] + " " + OBJECTS[c] + " " + PLACES[d] + ".");
        }
        return new ArrayList<>(out);
    }
}
