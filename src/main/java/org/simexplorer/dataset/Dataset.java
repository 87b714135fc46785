package org.simexplorer.dataset;

import java.time.Instant;

/** A named, ordered list of sentences embedded with one model (table datasets); sentences have their own table. */
public record Dataset(long id, String name, String model, Instant createdAt) {
}
