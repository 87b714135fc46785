package org.simexplorer.dataset;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A named, ordered list of sentences embedded with one model; the sentences live in their own table. */
@Table("datasets")
public record Dataset(@Id Long id, String name, String model, Instant createdAt) {
}
