package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A row's label counts, taken eight labels at a time, equal a count label by label, at every length and offset;
 * and its labels split into the positives and the labelled pairs.
 */
class GramRowTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1999})
    void labelCountsAndTheSplitEqualALabelByLabelWalk(int length) {
        Random random = new Random(length);
        int m = 2 * length + 16;
        byte[] block = new byte[m];
        for (int k = 0; k < m; k++) block[k] = (byte) (random.nextInt(3) - 1);
        GramRow row = new GramRow(m, false);
        for (int at : new int[] {0, 1, 5, length + 3}) {
            row.length = length;
            row.copyLabels(block, at);
            row.countLabels();
            int positives = 0;
            int labelled = 0;
            for (int k = at; k < at + length; k++) {
                positives += block[k] == 1 ? 1 : 0;
                labelled += block[k] != 0 ? 1 : 0;
                assertThat(row.t[k - at]).isEqualTo(block[k]);
            }
            assertThat(row.positives).as("positives of %d from %d", length, at).isEqualTo(positives);
            assertThat(row.labelled).as("labelled of %d from %d", length, at).isEqualTo(labelled);
            float[] positive = new float[m];
            row.splitLabels(positive);
            for (int k = at; k < at + length; k++) {
                assertThat(positive[k - at]).as("positive %d", k).isEqualTo(block[k] == 1 ? 1f : 0f);
                assertThat(row.t[k - at]).as("labelled %d", k).isEqualTo(block[k] != 0 ? 1f : 0f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(bytes = {1, -1, 0})
    void aRowOfOneLabelCountsIt(byte label) {
        GramRow row = new GramRow(100, false);
        byte[] block = new byte[100];
        java.util.Arrays.fill(block, label);
        row.length = 100;
        row.copyLabels(block, 0);
        row.countLabels();
        assertThat(row.positives).isEqualTo(label == 1 ? 100 : 0);
        assertThat(row.labelled).isEqualTo(label == 0 ? 0 : 100);
    }
}
