package org.simexplorer.dataset;

/** What {@link DatasetService} publishes when a dataset changes, for the features that keep work or memory for it. */
public final class DatasetEvents {

    private DatasetEvents() {
    }

    /** Published after a change to a dataset has committed, so that what is kept in memory for it can go. */
    public sealed interface DatasetChanged permits DatasetDeleted, DatasetAppended {
        long datasetId();
    }

    /**
     * Published before a dataset is deleted, to listeners that run in the deleting thread: work that depends on
     * the dataset (a training, an upload) is stopped when they return, and the deletion goes on.
     */
    public record DatasetDeleting(long datasetId) {
    }

    /** Published after a dataset is deleted. */
    public record DatasetDeleted(long datasetId) implements DatasetChanged {
    }

    /** Published after sentences are appended to a dataset. */
    public record DatasetAppended(long datasetId) implements DatasetChanged {
    }
}
