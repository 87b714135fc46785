package org.simexplorer.comparison;

import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.DatasetClusters;
import org.simexplorer.dataset.DatasetNeighbours;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.limits.ConcurrencyLimit;
import org.simexplorer.limits.ConcurrencyLimits;
import org.simexplorer.similarity.ExactNeighbours;
import org.simexplorer.similarity.MapSample;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.Projection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The 2-D map of a dataset: a PCA projection, clusters cut from the cluster order's tree (see DatasetClusters), and
 * the sample, neighbour graph and placement neighbours the page's UMAP runs on.
 */
@Service
public class MapService {

    /** Bounds of {@code GET .../map-sample}; the page asks for the default sample, 14 and 5 neighbours. */
    public static final int MAX_SAMPLE = 20_000;
    public static final int MAX_NEIGHBOURS = 100;
    public static final int MAX_PLACE = 50;
    private static final long SAMPLE_SEED = 0;

    private final DatasetClusters clusters;
    private final DatasetEmbeddings embeddings;
    private final DatasetNeighbours neighbours;
    private final ExactNeighbours exact;
    private final ConcurrencyLimit work;
    private final int defaultSample;

    MapService(DatasetClusters clusters, DatasetEmbeddings embeddings, DatasetNeighbours neighbours,
            MatrixProduct product, ConcurrencyLimits limits,
            @Value("${simexplorer.map.umap-sample:5000}") int defaultSample) {
        this.defaultSample = defaultSample;
        this.clusters = clusters;
        this.embeddings = embeddings;
        this.neighbours = neighbours;
        this.exact = new ExactNeighbours(product);
        this.work = limits.matrix();
    }

    /** @param sample the layout input; its row indices are sentence indices */
    public record Sampled(String model, MapSample sample) {
    }

    /**
     * A seeded sample of the dataset's sentences (all of them when there are at most {@code size}), the k nearest
     * sample sentences of each sample sentence, and the {@code place} nearest sample sentences of every other one.
     *
     * @param size the sample size, or null for simexplorer.map.umap-sample
     * @throws InvalidInputException naming {@code sample}, {@code k} or {@code place} when out of range
     */
    public Sampled sample(long datasetId, String model, Integer sample, int k, int place) {
        int size = sample == null ? defaultSample : sample;
        check("sample", size, 2, MAX_SAMPLE);
        check("k", k, 1, MAX_NEIGHBOURS);
        check("place", place, 1, MAX_PLACE);
        if (k >= size) {
            throw new InvalidInputException("k", "k must be below the sample size " + size + ", not " + k + ".")
                    .with("k", k);
        }
        DatasetNeighbours.Rows rows = neighbours.rows(datasetId, model);
        return new Sampled(rows.model(), work.call(() -> MapSample.of(rows.x(), size, k, place, SAMPLE_SEED, exact)));
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, field + " must be from " + min + " to " + max + ", not " + value
                    + ".").with(field, value);
        }
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
