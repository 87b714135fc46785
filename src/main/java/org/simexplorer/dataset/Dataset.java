package org.simexplorer.dataset;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A named, ordered list of sentences embedded with one model (table datasets); sentences have their own table. */
public record Dataset(@Id Long id, String name, String model, Instant createdAt) {
}
