package org.simexplorer.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.hnsw.HnswConcurrentMergeBuilder;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.NeighborQueue;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * Approximate top-k by cosine from Lucene's HNSW graph, built in memory over the normalised rows.
 *
 * <p>The graph is used directly, not through a Lucene index: the vectors already sit in one direct buffer (the
 * exact search's input), so the graph reads them from there and adds only its links (about 2·M ints a row),
 * with no second copy of the vectors, no files to keep in step with the dataset and no codec. It is rebuilt from
 * the buffer when the dataset changes. Searches may run concurrently once it is built.
 *
 * <p>With more than one worker the graph is built by Lucene's {@link HnswConcurrentMergeBuilder} (the builder
 * Lucene's own merges use with {@code numMergeWorkers}): the workers insert disjoint batches of rows into one
 * shared graph under Lucene's per-node locks. The order in which concurrent insertions see each other varies
 * from run to run, so only a one-worker build gives the same graph every time.
 */
public final class HnswIndex {

    /** Links per node: Lucene's default. */
    public static final int MAX_CONNECTIONS = HnswGraphBuilder.DEFAULT_MAX_CONN;
    /**
     * The build beam: below Lucene's default of 100, which made the build about three times slower here for no
     * recall gained at the search beam below (docs/scale.md, "Neighbours").
     */
    public static final int BEAM_WIDTH = 40;
    /** The search beam: the candidates kept while walking the graph; at least k + 1. */
    public static final int DEFAULT_SEARCH_BEAM = 100;

    private final NormalizedRows x;
    private final OnHeapHnswGraph graph;
    private final int searchBeam;

    private HnswIndex(NormalizedRows x, OnHeapHnswGraph graph, int searchBeam) {
        this.x = x;
        this.graph = graph;
        this.searchBeam = searchBeam;
    }

    /** Builds the graph over every row on one thread; seeded, so the same rows give the same graph. */
    public static HnswIndex build(NormalizedRows x, long seed) {
        return build(x, seed, 1, DEFAULT_SEARCH_BEAM);
    }

    /** Builds the graph over every row with {@code workers} threads (1: the seeded single-threaded build). */
    public static HnswIndex build(NormalizedRows x, long seed, int workers, int searchBeam) {
        return build(x, seed, workers, searchBeam, MAX_CONNECTIONS, BEAM_WIDTH);
    }

    /**
     * @param maxConnections links kept per node and level (Lucene's M; twice that on level 0)
     * @param beamWidth      candidates kept while inserting a node
     */
    public static HnswIndex build(NormalizedRows x, long seed, int workers, int searchBeam, int maxConnections,
            int beamWidth) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        try {
            RandomVectorScorerSupplier scorers = DefaultFlatVectorScorer.INSTANCE
                    .getRandomVectorScorerSupplier(VectorSimilarityFunction.DOT_PRODUCT, new BufferVectors(x));
            HnswGraphBuilder single = HnswGraphBuilder.create(scorers, maxConnections, beamWidth, seed, x.n());
            if (workers == 1 || x.n() < 2 * workers) return new HnswIndex(x, single.build(x.n()), searchBeam);
            // The workers fill the empty graph the single builder allocated; they draw node levels from
            // Lucene's own default seed, not from this one.
            ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
                Thread thread = new Thread(task, "hnsw-build");
                thread.setDaemon(true);
                return thread;
            });
            try {
                OnHeapHnswGraph graph = new HnswConcurrentMergeBuilder(new TaskExecutor(pool), workers, scorers,
                        maxConnections, beamWidth, single.getGraph(), null).build(x.n());
                return new HnswIndex(x, graph, searchBeam);
            } finally {
                pool.shutdownNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return x.n();
    }

    public int dimension() {
        return x.d();
    }

    /** The graph's own bytes; the vectors belong to the caller. */
    public long bytes() {
        return graph.ramBytesUsed();
    }

    /** The k nearest rows of row {@code row}, itself left out. */
    public NeighbourList ofRow(int row, int k) {
        float[] query = new float[x.d()];
        x.rows().get(row * x.d(), query);
        return search(query, k, row);
    }

    /** The k nearest rows of a unit query vector. */
    public NeighbourList ofVector(float[] query, int k) {
        return search(query, k, -1);
    }

    private NeighbourList search(float[] query, int k, int exclude) {
        int wanted = exclude >= 0 ? k + 1 : k;
        try {
            RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE
                    .getRandomVectorScorer(VectorSimilarityFunction.DOT_PRODUCT, new BufferVectors(x), query);
            KnnCollector found = HnswGraphSearcher.search(scorer, Math.max(wanted, searchBeam), graph, null,
                    Integer.MAX_VALUE);
            ScoreDoc[] hits = found.topDocs().scoreDocs;
            // Lucene scores a dot product as (1 + cos) / 2; the cosine is recomputed so that the index and the
            // exact search report the same figure for the same pair, and ties are broken the same way.
            NeighborQueue heap = new NeighborQueue(k, false);
            for (ScoreDoc hit : hits) {
                if (hit.doc != exclude) heap.insertWithOverflow(hit.doc, dot(query, hit.doc));
            }
            return ExactNeighbours.drain(heap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float dot(float[] query, int row) {
        FloatBuffer rows = x.rows();
        int base = row * x.d();
        float sum = 0;
        for (int t = 0; t < query.length; t++) sum += query[t] * rows.get(base + t);
        return sum;
    }

    /** Lucene's view of the rows: each vector is copied out of the buffer into this view's own array. */
    private static final class BufferVectors implements RandomAccessVectorValues.Floats {
        private final NormalizedRows x;
        private final float[] vector;

        BufferVectors(NormalizedRows x) {
            this.x = x;
            this.vector = new float[x.d()];
        }

        @Override
        public int size() {
            return x.n();
        }

        @Override
        public int dimension() {
            return x.d();
        }

        @Override
        public float[] vectorValue(int ord) {
            x.rows().get(ord * x.d(), vector);
            return vector;
        }

        @Override
        public BufferVectors copy() {
            return new BufferVectors(x);
        }
    }
}
