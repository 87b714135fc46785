package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedSentencesTest {

    @Test
    void sameSeedSameSentencesWithinTheWordRange() {
        List<String> first = GeneratedSentences.generate(200, 7, 5, 40);
        assertThat(GeneratedSentences.generate(200, 7, 5, 40)).isEqualTo(first);
        assertThat(GeneratedSentences.generate(200, 8, 5, 40)).isNotEqualTo(first);
        for (String sentence : first) {
            int words = sentence.split(" ").length;
            assertThat(words).isBetween(5, 40);
            assertThat(sentence).endsWith(".");
        }
    }
}
