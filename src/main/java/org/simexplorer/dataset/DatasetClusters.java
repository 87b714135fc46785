package org.simexplorer.dataset;

import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.similarity.KMeansOrder;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NormalizedRows;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A dataset's cluster order and its clusters. Below {@link ClusterSettings#kmeansFrom()} sentences they come from
 * average linkage on the cached cosine matrix, as before; from it, from {@link KMeansOrder} on the normalised
 * embeddings with {@link KMeansOrder#clustersFor(int)} clusters, so no N×N array is made. Either way the map's
 * groups for k are cut from the same tree that orders the rows, so colours and order agree. k-means results are
 * kept per (dataset, model, size) and dropped when the dataset changes.
 */
@Service
public class DatasetClusters {

    private final DatasetService datasets;
    private final DatasetSimilarity similarity;
    private final DatasetNeighbours neighbours;
    private final KMeansOrder kmeans;
    private final ClusterSettings settings;
    private final ByteBudgetCache<KMeansOrder.Clusters> cache;

    DatasetClusters(DatasetService datasets, DatasetSimilarity similarity, DatasetNeighbours neighbours,
            MatrixProduct product, ClusterSettings settings, NeighbourSettings budget) {
        this.datasets = datasets;
        this.similarity = similarity;
        this.neighbours = neighbours;
        this.kmeans = new KMeansOrder(product);
        this.settings = settings;
        this.cache = new ByteBudgetCache<>(budget.cache().toBytes() / 8, clusters -> 64 + 12L * clusters.order().length);
    }

    /** Whether a dataset of n sentences is ordered by k-means rather than from its matrix. */
    public boolean byKMeans(int n) {
        return n >= settings.kmeansFrom();
    }

    /** The cluster order of the dataset's sentences under a model (null for its own). */
    public int[] order(long datasetId, String model) {
        Dataset dataset = datasets.get(datasetId);
        int n = datasets.sentenceCount(datasetId);
        if (!byKMeans(n)) return similarity.matrix(datasetId, model).clusterOrder();
        return kmeans(dataset, datasets.resolve(dataset, model), n).order();
    }

    /** The sentences in k groups, cut from the tree behind the cluster order; 400 naming k when out of range. */
    public int[] clusters(long datasetId, int k) {
        Dataset dataset = datasets.get(datasetId);
        int n = datasets.sentenceCount(datasetId);
        if (k < 1 || k > n) {
            throw new InvalidInputException("k must be between 1 and the number of sentences (" + n + "), not "
                    + k + ".").with("k", k);
        }
        if (!byKMeans(n)) return similarity.matrix(datasetId).clusterTree().cut(k);
        KMeansOrder.Clusters clusters = kmeans(dataset, DatasetService.own(dataset), n);
        if (k <= clusters.k()) return clusters.cut(k);
        // More groups than the order has clusters: k-means with k itself, rows numbered by cluster.
        NormalizedRows x = neighbours.normalizedRows(dataset, DatasetService.own(dataset), n);
        return kmeans.cluster(x, k, settings.seed()).cluster();
    }

    private KMeansOrder.Clusters kmeans(Dataset dataset, ModelCatalog.Resolved model, int n) {
        return cache.get(new ByteBudgetCache.Key(dataset.id(), model, n), () -> kmeans.cluster(
                neighbours.normalizedRows(dataset, model, n), KMeansOrder.clustersFor(n), settings.seed()));
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        cache.invalidate(changed.datasetId());
    }
}
