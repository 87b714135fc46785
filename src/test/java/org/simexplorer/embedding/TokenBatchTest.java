package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBatchTest {

    @Test
    void padsToTheLongestSentenceAndMasksThePadding() {
        TokenBatch batch = TokenBatch.pad(List.of(new long[] {101, 7, 102}, new long[] {101, 102}),
                List.of(new long[] {0, 0, 0}, new long[] {0, 0}));
        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.length()).isEqualTo(3);
        assertThat(batch.ids()).containsExactly(101, 7, 102, 101, 102, 0);
        assertThat(batch.mask()).containsExactly(1, 1, 1, 1, 1, 0);
        assertThat(batch.types()).containsExactly(0, 0, 0, 0, 0, 0);
    }
}
