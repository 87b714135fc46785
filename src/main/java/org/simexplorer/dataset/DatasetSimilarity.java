package org.simexplorer.dataset;

import java.util.function.BiFunction;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.similarity.ClusterOrder;
import org.simexplorer.similarity.ClusterTree;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.SimilarityMatrix;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * A dataset's cosine matrix and orders, kept in the {@link MatrixCache}. Every use runs under the N×N
 * concurrency limit, taken once for the whole use: computing the matrix, its cluster order and rendering it
 * happen under the one permit, so nested steps never wait on themselves.
 */
@Service
public class DatasetSimilarity {

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final CosineMatrix cosineMatrix;
    private final MatrixCache cache;
    private final TileCache tiles;
    private final ConcurrencyLimit matrixWork;
    private final ObjectProvider<DatasetNeighbours> neighbours;
    private final ObjectProvider<DatasetClusters> clusters;
    private final DatasetLimits datasetLimits;

    DatasetSimilarity(DatasetService datasets, DatasetEmbeddings embeddings, CosineMatrix cosineMatrix,
            MatrixCache cache, TileCache tiles, ConcurrencyLimits limits,
            ObjectProvider<DatasetNeighbours> neighbours, ObjectProvider<DatasetClusters> clusters,
            DatasetLimits datasetLimits) {
        this.tiles = tiles;
        this.neighbours = neighbours;
        this.clusters = clusters;
        this.datasetLimits = datasetLimits;
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.cosineMatrix = cosineMatrix;
        this.cache = cache;
        this.matrixWork = limits.matrix();
    }

    /** S = X Xᵀ row-major, with its cluster order computed on first use. */
    public static final class Matrix {
        private final String model;
        private final int n;
        private final float[] cosine;
        private volatile ClusterTree clusterTree;
        private volatile int[] clusterOrder;

        public Matrix(String model, int n, float[] cosine) {
            if (cosine.length != (long) n * n) {
                throw new IllegalArgumentException("expected " + n + "×" + n + " values, got " + cosine.length);
            }
            this.model = model;
            this.n = n;
            this.cosine = cosine;
        }

        public String model() {
            return model;
        }

        public int size() {
            return n;
        }

        public float at(int i, int j) {
            return cosine[i * n + j];
        }

        public synchronized int[] clusterOrder() {
            if (clusterOrder == null) clusterOrder = n <= 2 ? inputOrder() : clusterTree().leafOrder();
            return clusterOrder;
        }

        /** The average-linkage tree behind {@link #clusterOrder()}, built once. */
        public synchronized ClusterTree clusterTree() {
            if (clusterTree == null) clusterTree = ClusterOrder.tree(cosine, n);
            return clusterTree;
        }

        public int[] inputOrder() {
            int[] order = new int[n];
            for (int k = 0; k < n; k++) order[k] = k;
            return order;
        }

        /** What the cache counts for this matrix: the cosines, and room for the cluster order and its tree. */
        static long bytes(Matrix matrix) {
            return 128 + 4L * matrix.cosine.length + 20L * matrix.n;
        }
    }

    /** The matrix, computed under the N×N limit when it is not cached (503 when the limit stays full). */
    public Matrix matrix(long datasetId) {
        return matrix(datasetId, null);
    }

    /**
     * The matrix of the dataset's sentences under another model (a catalogue model or an adapter); null or blank
     * for the dataset's own.
     */
    public Matrix matrix(long datasetId, String model) {
        return matrixWork.call(() -> load(datasetId, model));
    }

    /**
     * Renders the matrix in input or cluster order under one N×N permit: the order and the rendering (an N²
     * array or encoding) count as N×N work too. {@code model} as for {@link #matrix(long, String)}.
     */
    public <T> T render(long datasetId, String model, boolean cluster, BiFunction<Matrix, int[], T> renderer) {
        return matrixWork.call(() -> {
            Matrix matrix = load(datasetId, model);
            return renderer.apply(matrix, cluster ? clusterOrder(datasetId, model, matrix) : matrix.inputOrder());
        });
    }

    /**
     * The display order of the dataset's sentences under a model: input order, or the order the heatmap's
     * cluster view uses (position → sentence index). From the k-means size on it is k-means on the embeddings (see
     * {@link DatasetClusters}) and no matrix is made; below it, average linkage under the N×N limit.
     */
    public int[] order(long datasetId, String model, boolean cluster) {
        int n = datasets.sentenceCount(datasetId);
        if (!cluster) {
            int[] order = new int[n];
            for (int k = 0; k < order.length; k++) order[k] = k;
            return order;
        }
        DatasetClusters byClusters = clusters.getIfAvailable();
        if (byClusters != null && byClusters.byKMeans(n)) return byClusters.order(datasetId, model);
        return matrixWork.call(() -> load(datasetId, model).clusterOrder());
    }

    /** The same order as the map's clusters: k-means from its size on (see {@link DatasetClusters}). */
    private int[] clusterOrder(long datasetId, String model, Matrix matrix) {
        DatasetClusters byClusters = clusters.getIfAvailable();
        return byClusters != null && byClusters.byKMeans(matrix.size()) ? byClusters.order(datasetId, model)
                : matrix.clusterOrder();
    }

    /**
     * Drops every cached matrix, tile, embedding and neighbour index of a model: a deleted adapter's name may be
     * reused by a new one.
     */
    public void forgetModel(String model) {
        cache.invalidateModel(model);
        tiles.invalidateModel(model);
        embeddings.forgetModel(model);
        neighbours.ifAvailable(search -> search.forgetModel(model));
    }

    private Matrix load(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        ModelCatalog.Resolved resolved = datasets.resolve(dataset, model);
        int n = datasets.sentenceCount(datasetId);
        datasetLimits.checkMatrixSize(n);
        return cache.get(datasetId, resolved, n, () -> {
            Embeddings vectors = embeddings.of(dataset, resolved, n);
            try (SimilarityMatrix computed = cosineMatrix.compute(vectors.vectors())) {
                return new Matrix(vectors.model(), computed.size(), computed.toArray());
            }
        });
    }
}
