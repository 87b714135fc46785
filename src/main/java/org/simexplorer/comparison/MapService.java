package org.simexplorer.comparison;

import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.DatasetClusters;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.similarity.Projection;
import org.springframework.stereotype.Service;

/** The 2-D map of a dataset: a PCA projection and clusters cut from the cluster order's tree (see DatasetClusters). */
@Service
public class MapService {

    private final DatasetClusters clusters;
    private final DatasetEmbeddings embeddings;

    MapService(DatasetClusters clusters, DatasetEmbeddings embeddings) {
        this.clusters = clusters;
        this.embeddings = embeddings;
    }

    /** @param points [x, y] per sentence, in sentence order */
    public record Projected(String method, String model, double[][] points) {
    }

    /** @param cluster the group of each sentence, in sentence order, numbered by first appearance */
    public record Clusters(int k, int[] cluster) {
    }

    /** @param model a catalogue id or an adapter (404 when unknown), or null for the dataset's own model */
    public Projected projection(long datasetId, String method, String model) {
        if (!"pca".equals(method)) {
            throw new InvalidInputException("Unknown projection method '" + method + "': the server offers pca"
                    + " (the page computes UMAP itself).");
        }
        Embeddings vectors = embeddings.of(datasetId, model == null ? null : model.strip());
        return new Projected(method, vectors.model(), Projection.pca(vectors.vectors()));
    }

    /** The same groups as the heatmap's cluster order: see {@link DatasetClusters}. */
    public Clusters clusters(long datasetId, int k) {
        return new Clusters(k, clusters.clusters(datasetId, k));
    }
}
