package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthBatchesTest {

    @Test
    void groupsIndicesShortestFirstInChunks() {
        List<int[]> batches = LengthBatches.plan(new int[] {9, 3, 7, 3, 12}, 2);
        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly(1, 3);
        assertThat(batches.get(1)).containsExactly(2, 0);
        assertThat(batches.get(2)).containsExactly(4);
    }

    @Test
    void coversEveryIndexExactlyOnce() {
        int[] lengths = {5, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        int[] seen = LengthBatches.plan(lengths, 3).stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void rejectsANonPositiveBatchSize() {
        assertThatThrownBy(() -> LengthBatches.plan(new int[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
