package org.simexplorer.labels;

import java.util.List;
import org.simexplorer.formats.DatasetArchive;

/**
 * The adapters of a dataset as its export file holds them. Adapter training implements it; labels only asks, so
 * that labels never depends on training. Without an implementation, an export has no adapters and an import of
 * adapters is refused.
 */
public interface ArchivedAdapters {

    /** The dataset's finished adapters, oldest first. */
    List<DatasetArchive.AdapterEntry> export(long datasetId);

    /**
     * Checks every entry completely before anything is saved.
     *
     * @param datasetModel the model of the dataset they come with, which becomes their base
     * @throws org.simexplorer.errors.InvalidInputException an entry that cannot be restored, named adapters[k]
     */
    void check(List<DatasetArchive.AdapterEntry> entries, String datasetModel);

    /**
     * Saves checked entries for a new dataset, inside the caller's transaction. A name already taken under the
     * base gets the first free {@code name-2}, {@code name-3}, ...
     */
    List<RestoredAdapter> restore(long datasetId, String datasetModel, List<DatasetArchive.AdapterEntry> entries);

    /**
     * @param archivedName the name in the file
     * @param name         the name it has here; differs from archivedName when that was taken
     * @param model        its model id here, {@code <base>:<name>}
     */
    record RestoredAdapter(long id, String archivedName, String name, String model) {
    }
}
