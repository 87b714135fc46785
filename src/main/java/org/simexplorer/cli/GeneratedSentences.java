package org.simexplorer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Reproducible English-like sentences for benchmarks: a fixed seed gives the same list every run. */
final class GeneratedSentences {

    private static final String[] WORDS = ("the a one some every small large quick slow bright dark old new red green "
            + "blue happy tired clever quiet loud cat dog bird horse child teacher doctor farmer river mountain city "
            + "village garden kitchen market station bridge window letter song story game model network question "
            + "answer idea plan reason moment morning evening winter summer weather sun rain wind road car train "
            + "ship plane book paper table chair door house school office runs walks jumps reads writes sings "
            + "drives builds opens closes finds loses takes gives makes sees hears knows thinks feels wants likes "
            + "needs helps shows tells asks answers near under over behind beside through across into from with "
            + "without because while after before when although quickly slowly carefully happily quietly often "
            + "never always again today tomorrow yesterday here there very really almost nearly and but or so").split(" ");

    private GeneratedSentences() {
    }

    static List<String> generate(int count, long seed, int minWords, int maxWords) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sentences = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int words = random.nextInt(minWords, maxWords + 1);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                text.append(w == 0 ? "" : " ").append(word);
            }
            sentences.add(text.append('.').toString());
        }
        return sentences;
    }
}
