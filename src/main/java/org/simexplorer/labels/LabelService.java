package org.simexplorer.labels;

import org.simexplorer.errors.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.formats.LabelExport;
import org.simexplorer.formats.PairResolver;
import org.simexplorer.formats.PairResolver.ResolvedPairs;
import org.simexplorer.formats.PairResolver.Unlabelled;
import org.simexplorer.formats.ParsedUpload;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets, lists, imports and exports a dataset's pair labels. Every write runs in one transaction that has
 * committed before the method returns, so an HTTP 200 means the label is on disk.
 */
@Service
public class LabelService {

    private final LabelRepository labels;
    private final DatasetService datasets;
    private final TransactionTemplate transactions;

    LabelService(LabelRepository labels, DatasetService datasets, PlatformTransactionManager transactionManager) {
        this.labels = labels;
        this.datasets = datasets;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One requested change; label 0 removes. */
    public record LabelChange(int i, int j, int label) {
    }

    public record PutResult(int set, int removed, int total) {
    }

    public record ImportResult(int imported, int identicalPairsSkipped, int total) {
    }

    public List<Label> list(long datasetId) {
        datasets.get(datasetId);
        return labels.list(datasetId);
    }

    /** Checks every change against the dataset first, then applies them all in one transaction. */
    public PutResult put(long datasetId, List<LabelChange> changes) {
        int n = datasets.sentences(datasetId).size();
        for (int k = 0; k < changes.size(); k++) {
            LabelChange change = changes.get(k);
            for (int index : new int[] {change.i(), change.j()}) {
                if (index < 0 || index >= n) {
                    throw new InvalidInputException("[" + k + "]: sentence index " + index
                            + " is not in the dataset (it has " + n + " sentences).").with("index", k);
                }
            }
            if (change.i() == change.j()) {
                throw new InvalidInputException("[" + k + "]: i and j are both " + change.i()
                        + "; a label needs two different sentences.").with("index", k);
            }
        }
        return retryingOnRace(() -> transactions.execute(status -> {
            Instant now = Instant.now();
            int set = 0;
            int removed = 0;
            for (LabelChange change : changes) {
                int i = Math.min(change.i(), change.j());
                int j = Math.max(change.i(), change.j());
                if (change.label() == 0) {
                    if (labels.delete(datasetId, i, j)) removed++;
                } else {
                    labels.upsert(datasetId, i, j, change.label(), now);
                    set++;
                }
            }
            return new PutResult(set, removed, labels.count(datasetId));
        }));
    }

    /**
     * Two requests that label the same new pair at once can both take MERGE's insert branch (PostgreSQL does not
     * lock a row that does not exist yet); the second insert fails on the primary key. Its transaction is rolled back whole, so running it again (now as an update)
     * is safe.
     */
    private static <T> T retryingOnRace(java.util.function.Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (DuplicateKeyException raced) {
            return transaction.get();
        }
    }

    /** Imports pairs by sentence text or by index; a sentence or index not in the dataset fails the import. */
    public ImportResult importPairs(long datasetId, ParsedUpload upload, double threshold) {
        List<String> sentences = datasets.sentences(datasetId);
        if (upload.pairs().isEmpty()) {
            throw new InvalidInputException("The file has no pairs: give columns sentence1,sentence2 with label or"
                    + " score, or i,j,label.");
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int k = 0; k < sentences.size(); k++) indexOf.put(sentences.get(k), k);
        // Files are read with surrounding whitespace stripped; match such sentences by their stripped text too.
        for (int k = 0; k < sentences.size(); k++) indexOf.putIfAbsent(sentences.get(k).strip(), k);
        ResolvedPairs resolved = new PairResolver(indexOf, sentences.size())
                .resolve(upload.pairs(), threshold, Unlabelled.REFUSE);
        return retryingOnRace(() -> transactions.execute(status -> {
            int imported = labels.write(datasetId, resolved.labels(), Instant.now());
            return new ImportResult(imported, resolved.identicalPairs(), labels.count(datasetId));
        }));
    }

    /** CSV sentence1,sentence2,label with 1/0 as sentence-transformers reads it, or JSONL with the same keys. */
    public String export(long datasetId, String format) {
        List<String> sentences = datasets.sentences(datasetId);
        List<LabelExport.Row> rows = labels.list(datasetId).stream()
                .map(l -> new LabelExport.Row(sentences.get(l.i()), sentences.get(l.j()), l.label() > 0)).toList();
        return LabelExport.write(rows, format);
    }
}
