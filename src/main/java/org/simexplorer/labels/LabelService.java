package org.simexplorer.labels;

import org.simexplorer.errors.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.formats.LabelExport;
import org.simexplorer.formats.PairResolver;
import org.simexplorer.formats.PairResolver.ResolvedPairs;
import org.simexplorer.formats.PairResolver.Unlabelled;
import org.simexplorer.formats.ParsedUpload;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Sets, lists, imports and exports a dataset's pair labels. Every write runs in a transaction (which label clicks
 * may share, see {@link LabelWriter}) that has committed before the method returns, so an HTTP 200 means the label
 * is on disk.
 */
@Service
public class LabelService {

    /** By (smaller, larger) index; stable, so of two changes to one pair the later still wins. */
    private static final Comparator<LabelChange> PAIR_ORDER = Comparator
            .comparingInt((LabelChange c) -> Math.min(c.i(), c.j())).thenComparingInt(c -> Math.max(c.i(), c.j()));

    private final LabelRepository labels;
    private final DatasetService datasets;
    private final LabelWriter writer;
    private final LongAdder written = new LongAdder();

    LabelService(LabelRepository labels, DatasetService datasets, LabelWriter writer) {
        this.labels = labels;
        this.datasets = datasets;
        this.writer = writer;
    }

    /** One requested change; label 0 removes. */
    public record LabelChange(int i, int j, int label) {
    }

    /** What a PUT did; it does not count the dataset's labels, so a write costs the same at any size. */
    public record PutResult(int set, int removed) {
    }

    public record ImportResult(int imported, int identicalPairsSkipped, int total) {
    }

    public List<Label> list(long datasetId) {
        datasets.get(datasetId);
        return labels.list(datasetId);
    }

    /**
     * Checks every change against the dataset first, then applies them all in one transaction, which
     * {@link LabelWriter} may share with other requests' writes; returns once it has committed.
     */
    public PutResult put(long datasetId, List<LabelChange> changes) {
        int largest = -1;
        for (int k = 0; k < changes.size(); k++) {
            LabelChange change = changes.get(k);
            if (change.i() < 0 || change.j() < 0) {
                throw new InvalidInputException("[" + k + "]: sentence index " + Math.min(change.i(), change.j())
                        + " is negative.").with("index", k);
            }
            if (change.i() == change.j()) {
                throw new InvalidInputException("[" + k + "]: i and j are both " + change.i()
                        + "; a label needs two different sentences.").with("index", k);
            }
            largest = Math.max(largest, Math.max(change.i(), change.j()));
        }
        checkInDataset(datasetId, changes, largest);
        PutResult result;
        try {
            result = writer.write(() -> apply(datasetId, changes), changes.size());
        } catch (DataIntegrityViolationException refused) {
            datasets.get(datasetId); // deleted since the check: a 404, not the foreign key's 500
            throw refused;
        }
        written.add(result.set() + result.removed());
        return result;
    }

    /** The statements of one write; {@link LabelWriter} runs them in a transaction, maybe shared. */
    private PutResult apply(long datasetId, List<LabelChange> changes) {
        Instant now = Instant.now();
        int set = 0;
        int removed = 0;
        // In pair order, so that two writes of the same pairs lock their rows in the same order and never deadlock.
        List<LabelChange> ordered = new ArrayList<>(changes);
        ordered.sort(PAIR_ORDER);
        for (LabelChange change : ordered) {
            int i = Math.min(change.i(), change.j());
            int j = Math.max(change.i(), change.j());
            if (change.label() == 0) {
                if (labels.delete(datasetId, i, j)) removed++;
            } else {
                labels.upsert(datasetId, i, j, change.label(), now);
                set++;
            }
        }
        return new PutResult(set, removed);
    }

    /** No query once the dataset's sentence count is known: positions run 0..n-1. */
    private void checkInDataset(long datasetId, List<LabelChange> changes, int largest) {
        int n = datasets.checkPositions(datasetId, largest);
        if (n < 0) return;
        for (int k = 0; k < changes.size(); k++) {
            int index = Math.max(changes.get(k).i(), changes.get(k).j());
            if (index >= n) {
                throw new InvalidInputException("[" + k + "]: sentence index " + index
                        + " is not in the dataset (it has " + n + " sentences).").with("index", k);
            }
        }
    }

    /** Labels set or removed through this service since start, counted after their transaction committed. */
    public long labelsWritten() {
        return written.sum();
    }

    /**
     * Imports pairs by sentence text (matched exactly, as the file has it) or by index; a sentence or index not in
     * the dataset fails the import.
     */
    public ImportResult importPairs(long datasetId, ParsedUpload upload, double threshold) {
        List<String> sentences = datasets.sentences(datasetId);
        if (upload.pairs().isEmpty()) {
            throw new InvalidInputException("The file has no pairs: give columns sentence1,sentence2 with label or"
                    + " score, or i,j,label.");
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int k = 0; k < sentences.size(); k++) indexOf.put(sentences.get(k), k);
        ResolvedPairs resolved = new PairResolver(indexOf, sentences.size())
                .resolve(upload.pairs(), threshold, Unlabelled.REFUSE);
        // In this thread, not the shared writer's: a large import must not hold up everyone's label clicks.
        ImportResult result = writer.alone(() -> {
            int imported = labels.write(datasetId, resolved.labels(), Instant.now());
            return new ImportResult(imported, resolved.identicalPairs(), labels.count(datasetId));
        });
        written.add(result.imported());
        return result;
    }

    /**
     * CSV sentence1,sentence2,label with 1/0 as sentence-transformers reads it, or JSONL with the same keys. With
     * column "score" the last column is score, 1.0/0.0 (for CoSENTLoss and CosineSimilarityLoss); never both, since
     * sentence-transformers takes every other column as an input.
     */
    public String export(long datasetId, String format, String column) {
        List<String> sentences = datasets.sentences(datasetId);
        List<LabelExport.Row> rows = labels.list(datasetId).stream()
                .map(l -> new LabelExport.Row(sentences.get(l.i()), sentences.get(l.j()), l.label() > 0)).toList();
        return LabelExport.write(rows, format, column);
    }
}
