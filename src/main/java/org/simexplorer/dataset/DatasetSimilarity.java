package org.simexplorer.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.similarity.ClusterOrder;
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
    /** Keyed by dataset id and model id. */
    private final Map<String, Matrix> recent = new LinkedHashMap<>(4, 0.75f, true);

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
        private int[] clusterOrder;

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
            if (clusterOrder == null) clusterOrder = ClusterOrder.of(cosine, n);
            return clusterOrder;
        }

        public int[] inputOrder() {
            int[] order = new int[n];
            for (int k = 0; k < n; k++) order[k] = k;
            return order;
        }
    }

    public Matrix matrix(long datasetId) {
        return matrix(datasetId, null);
    }

    /** The matrix of the dataset's sentences under another catalogue model (an adapter, say); null for its own. */
    public Matrix matrix(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        String modelId = model == null || model.isBlank() ? dataset.model() : model;
        String key = datasetId + "|" + modelId;
        int n = datasets.sentenceCount(datasetId);
        synchronized (recent) {
            Matrix kept = recent.get(key);
            if (kept != null && kept.n == n) return kept;
        }
        Embeddings vectors = modelId.equals(dataset.model()) ? embeddings.of(datasetId)
                : datasets.embeddings(datasetId, modelId);
        float[] cosine;
        try (SimilarityMatrix computed = cosineMatrix.compute(vectors.vectors())) {
            cosine = computed.toArray();
        }
        Matrix matrix = new Matrix(vectors.model(), vectors.vectors().length, cosine);
        synchronized (recent) {
            recent.put(key, matrix);
            while (recent.size() > KEPT) recent.remove(recent.keySet().iterator().next());
        }
        return matrix;
    }

    /** Drops every kept matrix of a model (a deleted adapter's name may be reused by a new one). */
    public void forgetModel(String model) {
        synchronized (recent) {
            recent.keySet().removeIf(key -> key.endsWith("|" + model));
        }
    }

    @EventListener
    void onDeleted(DatasetService.DatasetDeleted deleted) {
        forget(deleted.datasetId());
    }

    public void forget(long datasetId) {
        synchronized (recent) {
            recent.keySet().removeIf(key -> key.startsWith(datasetId + "|"));
        }
    }
}
