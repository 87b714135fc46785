package org.simexplorer.transfer;

import org.simexplorer.labels.ArchivedAdapters;
import org.simexplorer.labels.LabelRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.simexplorer.dataset.Dataset;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.formats.TextLine;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.formats.DatasetArchive;
import org.simexplorer.formats.StorableText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Exports a whole dataset as a {@link DatasetArchive} and restores one as a new dataset. */
@Service
public class DatasetTransfer {

    private final DatasetService datasets;
    private final LabelRepository labels;
    private final TransactionTemplate transactions;
    private final ArchivedAdapters adapters;

    DatasetTransfer(DatasetService datasets, LabelRepository labels, PlatformTransactionManager transactionManager,
            ObjectProvider<ArchivedAdapters> adapters) {
        this.datasets = datasets;
        this.labels = labels;
        this.transactions = new TransactionTemplate(transactionManager);
        this.adapters = adapters.getIfAvailable();
    }

    /** A restored dataset and its adapters under the names they got here. */
    public record Restored(Dataset dataset, List<ArchivedAdapters.RestoredAdapter> adapters) {
    }

    public DatasetArchive export(long datasetId) {
        Dataset dataset = datasets.get(datasetId);
        List<DatasetArchive.LabelEntry> entries = labels.list(datasetId).stream()
                .map(l -> new DatasetArchive.LabelEntry(l.i(), l.j(), l.label(), l.createdAt(), l.updatedAt()))
                .toList();
        return new DatasetArchive(DatasetArchive.FORMAT, DatasetArchive.VERSION, dataset.name(), dataset.model(),
                dataset.createdAt(), datasets.sentences(datasetId), entries,
                adapters == null ? List.of() : adapters.export(datasetId));
    }

    /**
     * Checks the whole archive first, then creates the dataset, its labels and its adapters in one transaction, so
     * a bad archive saves nothing.
     *
     * @throws InvalidInputException                    not an archive, or labels or adapters that do not fit it
     * @throws org.simexplorer.errors.NotFoundException its model is not known here
     */
    public Restored restore(DatasetArchive archive) {
        check(archive);
        List<DatasetArchive.AdapterEntry> archived = archive.adapters() == null ? List.of() : archive.adapters();
        if (!archived.isEmpty()) {
            if (adapters == null) {
                throw new InvalidInputException("The export holds " + archived.size() + " adapters, and this"
                        + " instance cannot restore adapters.");
            }
            adapters.check(archived, archive.model());
        }
        List<TextLine> lines = archive.sentences().stream().map(text -> new TextLine(text, 0)).toList();
        return transactions.execute(status -> {
            Dataset dataset = datasets.create(archive.name(), archive.model(), lines, List.of(), 0).dataset();
            for (DatasetArchive.LabelEntry label : archive.labels() == null ? List.<DatasetArchive.LabelEntry>of()
                    : archive.labels()) {
                labels.insertWithTimes(dataset.id(), label.i(), label.j(), label.label(), label.createdAt(),
                        label.updatedAt());
            }
            List<ArchivedAdapters.RestoredAdapter> restored = archived.isEmpty() ? List.of()
                    : adapters.restore(dataset.id(), dataset.model(), archived);
            return new Restored(dataset, restored);
        });
    }

    private static void check(DatasetArchive archive) {
        if (archive == null || !DatasetArchive.FORMAT.equals(archive.format())) {
            throw new InvalidInputException("This is not a Similarity Explorer dataset export: its \"format\" must be"
                    + " \"" + DatasetArchive.FORMAT + "\".");
        }
        if (archive.version() != DatasetArchive.VERSION) {
            throw new InvalidInputException("Export version " + archive.version() + " is not supported; this"
                    + " instance reads version " + DatasetArchive.VERSION + ".");
        }
        if (archive.name() == null) {
            throw new InvalidInputException("name", "The export has no \"name\".");
        }
        if (archive.sentences() == null || archive.sentences().isEmpty()) {
            throw new InvalidInputException("sentences", "The export has no sentences.");
        }
        int missing = firstNull(archive.sentences());
        if (missing >= 0) {
            throw new InvalidInputException("sentences[" + missing + "]", "sentences[" + missing + "] is null;"
                    + " every sentence must be a string.").with("index", missing);
        }
        int missingAdapter = archive.adapters() == null ? -1 : firstNull(archive.adapters());
        if (missingAdapter >= 0) {
            throw new InvalidInputException("adapters[" + missingAdapter + "]", "adapters[" + missingAdapter
                    + "] is null; every adapter must be an object.").with("index", missingAdapter);
        }
        for (int k = 0; k < archive.sentences().size(); k++) {
            if (!StorableText.storable(archive.sentences().get(k))) {
                throw StorableText.refused("sentences[" + k + "]", "index", k);
            }
        }
        if (new HashSet<>(archive.sentences()).size() != archive.sentences().size()) {
            throw new InvalidInputException("The export lists a sentence twice; a dataset holds each text once.");
        }
        int n = archive.sentences().size();
        Set<Long> seen = new HashSet<>();
        List<DatasetArchive.LabelEntry> entries = archive.labels() == null ? List.of() : archive.labels();
        for (int k = 0; k < entries.size(); k++) {
            DatasetArchive.LabelEntry label = entries.get(k);
            boolean valid = label != null && label.i() >= 0 && label.i() < label.j() && label.j() < n
                    && Math.abs(label.label()) == 1 && label.createdAt() != null && label.updatedAt() != null;
            if (!valid) {
                throw new InvalidInputException("labels[" + k + "]", "labels[" + k + "] must have 0 <= i < j < " + n
                        + ", label 1 or -1, and createdAt and updatedAt.").with("index", k);
            }
            if (!seen.add((long) label.i() * n + label.j())) {
                throw new InvalidInputException("labels[" + k + "] repeats the pair (" + label.i() + ", " + label.j()
                        + ").").with("index", k);
            }
        }
    }

    /** The index of the first null item, or -1 (immutable lists refuse indexOf(null)). */
    private static int firstNull(List<?> items) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k) == null) return k;
        }
        return -1;
    }
}
