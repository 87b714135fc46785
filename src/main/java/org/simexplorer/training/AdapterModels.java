package org.simexplorer.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.simexplorer.embedding.ExtraModels;
import org.simexplorer.similarity.MatrixProduct;
import org.springframework.stereotype.Component;

/**
 * Finished adapters as catalogue models ({@code <base>:<name>}): embed with the base model, multiply by W, and
 * normalise the rows. The last few W are kept in memory.
 */
@Component
class AdapterModels implements ExtraModels {

    private static final int KEPT = 8;

    private final AdapterRepository adapters;
    private final MatrixProduct product;
    private final Map<String, float[]> weights = new LinkedHashMap<>(16, 0.75f, true);

    AdapterModels(AdapterRepository adapters, MatrixProduct product) {
        this.adapters = adapters;
        this.product = product;
    }

    private record Adapter(long adapterId, String id, String base, Long datasetId, int inputDimension, int dimension,
            AdapterModels models) implements ExtraModel {
        /** The adapter's row id: the database never gives one twice. */
        @Override
        public long version() {
            return adapterId;
        }

        @Override
        public float[][] apply(float[][] baseVectors) {
            float[] w = models.weightsOf(adapterId, id);
            return AdaptedRows.normalise(AdaptedRows.apply(models.product, baseVectors, w, inputDimension));
        }
    }

    @Override
    public List<ExtraModel> list() {
        return adapters.done().stream().map(this::model).toList();
    }

    @Override
    public Optional<ExtraModel> find(String id) {
        int colon = id == null ? -1 : id.lastIndexOf(':');
        if (colon <= 0) return Optional.empty();
        return adapters.findByModel(id.substring(0, colon), id.substring(colon + 1))
                .filter(a -> a.status() == AdapterRecord.Status.DONE).map(this::model);
    }

    /** Drops a deleted adapter's W, so that a new adapter of the same name never sees it. */
    void forget(String modelId) {
        synchronized (weights) {
            weights.keySet().removeIf(key -> key.startsWith(modelId + "#"));
        }
    }

    private ExtraModel model(AdapterRecord a) {
        return new Adapter(a.id(), a.modelId(), a.base(), a.datasetId(), a.dimension(), a.outputDimension(), this);
    }

    private float[] weightsOf(long adapterId, String modelId) {
        String key = modelId + "#" + adapterId;
        synchronized (weights) {
            float[] kept = weights.get(key);
            if (kept != null) return kept;
        }
        float[] w = adapters.weights(adapterId).orElseThrow(() -> new IllegalStateException(
                "Adapter " + modelId + " has no stored weights"));
        synchronized (weights) {
            weights.put(key, w);
            while (weights.size() > KEPT) weights.remove(weights.keySet().iterator().next());
        }
        return w;
    }
}
