package org.simexplorer.labels;

import java.time.Instant;

/** A judgement on the unordered pair {i, j} of a dataset's sentences, stored with i &lt; j; label is +1 or -1. */
public record Label(int i, int j, int label, Instant createdAt, Instant updatedAt) {
}
