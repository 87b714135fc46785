package org.simexplorer.formats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole dataset as one JSON file ({@code GET /api/datasets/{id}/export}), restored by
 * {@code POST /api/datasets/import} as a new dataset.
 *
 * @param format    always {@link #FORMAT}, so a wrong file is recognised at once
 * @param version   the layout version, {@link #VERSION}
 * @param sentences in dataset order; labels refer to them by index
 * @param adapters  the dataset's trained adapters (W and metadata); empty until adapters exist on this instance
 */
public record DatasetArchive(String format, int version, String name, String model, Instant createdAt,
        List<String> sentences, List<LabelEntry> labels, List<Map<String, Object>> adapters) {

    public static final String FORMAT = "similarity-explorer-dataset";
    public static final int VERSION = 1;

    /** One label with its times; i &lt; j index {@code sentences}, label is +1 or -1. */
    public record LabelEntry(int i, int j, int label, Instant createdAt, Instant updatedAt) {
    }
}
