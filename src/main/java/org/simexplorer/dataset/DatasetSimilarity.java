package org.simexplorer.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.similarity.ClusterOrder;
import org.simexplorer.similarity.ClusterTree;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.SimilarityMatrix;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A dataset's cosine matrix and orders. The last few are kept in memory, keyed by dataset, model and size
 * (sentences are only ever appended, so the size tells whether a matrix is stale).
 */
@Service
public class DatasetSimilarity {

    private static final int KEPT = 2;

    private final DatasetService datasets;
    private final DatasetEmbeddings embeddings;
    private final CosineMatrix cosineMatrix;
    private final Map<Long, Matrix> recent = new LinkedHashMap<>(4, 0.75f, true);

    DatasetSimilarity(DatasetService datasets, DatasetEmbeddings embeddings, CosineMatrix cosineMatrix) {
        this.datasets = datasets;
        this.embeddings = embeddings;
        this.cosineMatrix = cosineMatrix;
    }

    /** S = X Xᵀ row-major, with its cluster order computed on first use. */
    public static final class Matrix {
        private final String model;
        private final int n;
        private final float[] cosine;
        private volatile ClusterTree clusterTree;
        private volatile int[] clusterOrder;

        Matrix(String model, int n, float[] cosine) {
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

        /**
         * Heap held: the N×N cosines, and the cluster order and its tree once computed (the embeddings are cached
         * apart).
         */
        long bytes() {
            long held = (long) cosine.length * Float.BYTES;
            int[] order = clusterOrder;
            ClusterTree tree = clusterTree;
            held += tree == null ? 0 : 3L * tree.left().length * Integer.BYTES;
            return held + (order == null ? 0 : (long) order.length * Integer.BYTES);
        }

        public int[] inputOrder() {
            int[] order = new int[n];
            for (int k = 0; k < n; k++) order[k] = k;
            return order;
        }
    }

    public Matrix matrix(long datasetId) {
        Dataset dataset = datasets.get(datasetId);
        int n = datasets.sentenceCount(datasetId);
        synchronized (recent) {
            Matrix kept = recent.get(datasetId);
            if (kept != null && kept.n == n && kept.model.equals(dataset.model())) return kept;
        }
        Embeddings vectors = embeddings.of(datasetId);
        float[] cosine;
        try (SimilarityMatrix computed = cosineMatrix.compute(vectors.vectors())) {
            cosine = computed.toArray();
        }
        Matrix matrix = new Matrix(vectors.model(), vectors.vectors().length, cosine);
        synchronized (recent) {
            recent.put(datasetId, matrix);
            while (recent.size() > KEPT) recent.remove(recent.keySet().iterator().next());
        }
        return matrix;
    }

    /** What the kept matrices hold, in bytes (the matrix cache gauge). */
    public long cachedBytes() {
        synchronized (recent) {
            return recent.values().stream().mapToLong(Matrix::bytes).sum();
        }
    }

    @EventListener
    void onDeleted(DatasetService.DatasetDeleted deleted) {
        forget(deleted.datasetId());
    }

    public void forget(long datasetId) {
        synchronized (recent) {
            recent.remove(datasetId);
        }
    }
}
