package org.simexplorer.dataset;

import java.time.Instant;

/**
 * A named, ordered list of sentences embedded with one model (table datasets); sentences have their own table.
 * The id is null until the dataset is inserted.
 */
public record Dataset(Long id, String name, String model, Instant createdAt) {
}
