package org.simexplorer.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.ExactNeighbours;
import org.simexplorer.similarity.HnswIndex;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NeighbourList;
import org.simexplorer.similarity.NormalizedRows;
import org.simexplorer.similarity.PairQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The nearest sentences of a sentence or of a text, without any N×N array. Small datasets are searched exactly
 * (blocked Gemm, a heap per query). From {@link NeighbourSettings#indexFrom()} sentences an HNSW index is built
 * in the background on first use, one build at a time; until it is ready the exact search answers, so no request
 * waits for a build. Normalised rows and indexes are kept per (dataset, model, size) within a byte budget and
 * dropped when the dataset changes, so an append gets a fresh index.
 */
@Service
public class DatasetNeighbours implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatasetNeighbours.class);
    private static final long INDEX_SEED = 42;
    /** An index build uses every core: it runs in the background, and the exact search answers meanwhile. */
    private static final int BUILD_WORKERS = Runtime.getRuntime().availableProcessors();

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final ExactNeighbours exact;
    private final int indexFrom;
    private final ByteBudgetCache<NormalizedRows> rows;
    private final ByteBudgetCache<HnswIndex> indexes;
    private final Set<ByteBudgetCache.Key> building = ConcurrentHashMap.newKeySet();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "neighbour-index");
        thread.setDaemon(true);
        return thread;
    });

    DatasetNeighbours(DatasetService datasets, DatasetEmbeddings embeddings, MatrixProduct product,
            NeighbourSettings settings) {
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.exact = new ExactNeighbours(product);
        this.indexFrom = settings.indexFrom();
        long budget = settings.cache().toBytes();
        this.rows = new ByteBudgetCache<>(budget, DatasetNeighbours::bytes);
        // An index keeps its rows alive, so it is weighed with them.
        this.indexes = new ByteBudgetCache<>(budget, index -> index.bytes() + 4L * index.size() * index.dimension());
    }

    public record Neighbour(int index, float similarity) {
    }

    /**
     * @param of     the sentence asked about, or null for a text
     * @param method "exact" or "hnsw": which search answered
     */
    public record Neighbours(String model, Integer of, int k, String method, List<Neighbour> neighbours) {
    }

    /** The k nearest sentences of sentence {@code sentence} (itself left out); 404 when there is no such one. */
    public Neighbours ofSentence(long datasetId, int sentence, int k, String model) {
        return ofSentence(datasetId, sentence, k, model, false);
    }

    /** As above; {@code exactOnly} answers from the exact search even when the index is ready. */
    public Neighbours ofSentence(long datasetId, int sentence, int k, String model, boolean exactOnly) {
        Searchable search = searchable(datasetId, model, exactOnly);
        if (sentence < 0 || sentence >= search.x().n()) {
            throw new NotFoundException("Dataset " + datasetId + " has no sentence " + sentence + ": it has "
                    + search.x().n() + ".").with("sentence", sentence);
        }
        HnswIndex index = search.index();
        NeighbourList list = index != null ? index.ofRow(sentence, k) : exact.ofRow(search.x(), sentence, k);
        return answer(search, sentence, k, index != null, list);
    }

    /** The k nearest sentences of a text, embedded with the same model as the dataset's vectors. */
    public Neighbours ofText(long datasetId, String text, int k, String model) {
        return ofText(datasetId, text, k, model, false);
    }

    /** As above; {@code exactOnly} answers from the exact search even when the index is ready. */
    public Neighbours ofText(long datasetId, String text, int k, String model, boolean exactOnly) {
        Searchable search = searchable(datasetId, model, exactOnly);
        float[] query = unit(datasets.embeddings(search.model(), List.of(text))[0]);
        HnswIndex index = search.index();
        NeighbourList list = index != null ? index.ofVector(query, k) : exact.ofVector(search.x(), query, k);
        return answer(search, null, k, index != null, list);
    }

    /**
     * The neighbour lists of a seeded sample of the dataset's rows, for the label queue.
     *
     * @param rows  the sampled rows (min(samples, n) distinct), {@code lists[q]} the k nearest of {@code rows[q]}
     * @param x     the normalised rows, for the cosine of any other pair
     */
    public record SampledNeighbours(String model, int n, String method, int[] rows, NeighbourList[] lists,
            NormalizedRows x) {

        /** The cosine of rows i and j: the dot product of their normalised rows. */
        public float cosine(int i, int j) {
            double dot = 0;
            for (int c = 0; c < x.d(); c++) dot += (double) x.get(i, c) * x.get(j, c);
            return (float) dot;
        }
    }

    /** The k nearest of each of min(samples, n) rows drawn with the seed; samples = 0 gives the rows only. */
    public SampledNeighbours ofSample(long datasetId, String model, int samples, int k, long seed) {
        Searchable search = searchable(datasetId, model, false);
        int n = search.x().n();
        int[] rows = PairQueue.sampleRows(n, samples, seed);
        HnswIndex index = search.index();
        NeighbourList[] lists;
        if (rows.length == 0 || n < 2) {
            lists = new NeighbourList[rows.length];
            for (int q = 0; q < rows.length; q++) lists[q] = new NeighbourList(new int[0], new float[0]);
        } else if (index != null) {
            lists = new NeighbourList[rows.length];
            for (int q = 0; q < rows.length; q++) lists[q] = index.ofRow(rows[q], k);
        } else {
            lists = exact.ofRows(search.x(), rows, k);
        }
        return new SampledNeighbours(search.model(), n, index != null ? "hnsw" : "exact", rows, lists, search.x());
    }

    /** The dataset's normalised rows under a resolved model, from this cache; builds no index. */
    public record Rows(String model, NormalizedRows x) {
    }

    /** @param model a catalogue id or an adapter (404 when unknown), or null for the dataset's own model */
    public Rows rows(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        ModelCatalog.Resolved resolved = datasets.resolve(dataset, model == null ? null : model.strip());
        return new Rows(resolved.id(), normalizedRows(dataset, resolved, datasets.sentenceCount(datasetId)));
    }

    private record Searchable(String model, NormalizedRows x, HnswIndex index) {
    }

    private Searchable searchable(long datasetId, String model, boolean exactOnly) {
        Dataset dataset = datasets.get(datasetId);
        ModelCatalog.Resolved resolved = datasets.resolve(dataset, model == null ? null : model.strip());
        int n = datasets.sentenceCount(datasetId);
        NormalizedRows x = normalizedRows(dataset, resolved, n);
        boolean indexed = n >= indexFrom && !exactOnly;
        return new Searchable(resolved.id(), x,
                indexed ? indexOrBuild(new ByteBudgetCache.Key(datasetId, resolved, n), x) : null);
    }

    /** The dataset's first n sentences under a resolved model, normalised, from this cache when present. */
    NormalizedRows normalizedRows(Dataset dataset, ModelCatalog.Resolved model, int n) {
        return rows.get(new ByteBudgetCache.Key(dataset.id(), model, n), () -> {
            Embeddings vectors = embeddings.of(dataset, model, n);
            return CosineMatrix.normalize(vectors.vectors());
        });
    }

    /** The index when it is ready; otherwise starts its build (once) and answers null. */
    private HnswIndex indexOrBuild(ByteBudgetCache.Key key, NormalizedRows x) {
        HnswIndex index = indexes.getIfPresent(key);
        if (index == null && building.add(key)) {
            builder.execute(() -> {
                try {
                    long start = System.nanoTime();
                    indexes.get(key, () -> HnswIndex.build(x, INDEX_SEED, BUILD_WORKERS, HnswIndex.DEFAULT_SEARCH_BEAM));
                    log.info("Neighbour index of dataset {} ({} sentences, {}) built in {} ms", key.datasetId(),
                            key.size(), key.model(), (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException | OutOfMemoryError e) {
                    log.warn("Neighbour index of dataset {} could not be built; the exact search stays", key.datasetId(), e);
                } finally {
                    building.remove(key);
                }
            });
        }
        return index;
    }

    /** Whether the index of a dataset is ready, for tests and metrics. */
    boolean indexReady(long datasetId, ModelCatalog.Resolved model, int size) {
        return indexes.getIfPresent(new ByteBudgetCache.Key(datasetId, model, size)) != null;
    }

    private static Neighbours answer(Searchable search, Integer of, int k, boolean indexed, NeighbourList list) {
        List<Neighbour> neighbours = new ArrayList<>(list.size());
        for (int t = 0; t < list.size(); t++) neighbours.add(new Neighbour(list.rows()[t], list.similarities()[t]));
        return new Neighbours(search.model(), of, k, indexed ? "hnsw" : "exact", neighbours);
    }

    private static float[] unit(float[] vector) {
        double scale = 1.0 / Math.max(CosineMatrix.norm(vector), CosineMatrix.EPSILON);
        float[] unit = new float[vector.length];
        for (int t = 0; t < vector.length; t++) unit[t] = (float) (vector[t] * scale);
        return unit;
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        rows.invalidate(changed.datasetId());
        indexes.invalidate(changed.datasetId());
    }

    /** A deleted adapter's name may be reused by a new one. */
    public void forgetModel(String model) {
        rows.invalidate(model);
        indexes.invalidate(model);
    }

    private static long bytes(NormalizedRows x) {
        return 64 + 4L * x.n() * x.d() + 8L * x.n();
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }
}
