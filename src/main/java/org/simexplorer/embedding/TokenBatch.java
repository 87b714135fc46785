package org.simexplorer.embedding;

import java.util.List;

/**
 * Token ids of several sentences padded to the longest of them, row-major [size, length], as the BERT
 * graphs take them: input_ids, attention_mask and token_type_ids.
 */
public record TokenBatch(int size, int length, long[] ids, long[] mask, long[] types) {

    /** Pads each sentence's ids and type ids with zeros to the longest; the mask marks real tokens. */
    public static TokenBatch pad(List<long[]> ids, List<long[]> types) {
        int size = ids.size();
        int length = ids.stream().mapToInt(a -> a.length).max().orElse(0);
        long[] flatIds = new long[size * length];
        long[] flatMask = new long[size * length];
        long[] flatTypes = new long[size * length];
        for (int b = 0; b < size; b++) {
            long[] row = ids.get(b);
            System.arraycopy(row, 0, flatIds, b * length, row.length);
            System.arraycopy(types.get(b), 0, flatTypes, b * length, row.length);
            java.util.Arrays.fill(flatMask, b * length, b * length + row.length, 1L);
        }
        return new TokenBatch(size, length, flatIds, flatMask, flatTypes);
    }
}
