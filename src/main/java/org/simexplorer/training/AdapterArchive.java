package org.simexplorer.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.simexplorer.errors.ConflictException;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.formats.DatasetArchive.AdapterEntry;
import org.simexplorer.formats.DatasetArchive.CurveEntry;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.labels.ArchivedAdapters;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLossRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** A dataset's finished adapters in its export file, and back: W as base64 of float32 little-endian bytes. */
@Component
class AdapterArchive implements ArchivedAdapters {

    /** The widest W an export may carry; the trainer itself only makes D×D. */
    static final int MAX_OUTPUT_DIMENSION = 4096;

    private final AdapterRepository adapters;
    private final ModelCatalog catalog;
    private final PairLossRegistry losses;

    AdapterArchive(AdapterRepository adapters, ModelCatalog catalog, PairLossRegistry losses) {
        this.adapters = adapters;
        this.catalog = catalog;
        this.losses = losses;
    }

    @Override
    public List<AdapterEntry> export(long datasetId) {
        return adapters.byDataset(datasetId).stream().filter(a -> a.status() == AdapterRecord.Status.DONE)
                .map(this::entry).toList();
    }

    private AdapterEntry entry(AdapterRecord a) {
        float[] w = adapters.weights(a.id()).orElseThrow(() -> new IllegalStateException(
                "Finished adapter " + a.modelId() + " has no stored weights"));
        var times = adapters.times(a.id()).orElseThrow();
        List<CurveEntry> curve = a.curve().stream().map(p -> new CurveEntry(p.step(), p.trainLoss(),
                p.validationLoss(), p.validationAuc(), p.meanNorm())).toList();
        return new AdapterEntry(a.name(), a.loss(), a.params(), a.rank(), a.steps(), a.learningRate(),
                a.regularization(), a.validationFraction(), a.seed(), a.split(), a.bestStep(), curve, a.before(),
                a.after(), a.dimension(), a.outputDimension(),
                Base64.getEncoder().encodeToString(AdapterRepository.encode(w)), times[0], times[1]);
    }

    @Override
    public void check(List<AdapterEntry> entries, String datasetModel) {
        if (catalog.extra(datasetModel).isPresent()) {
            throw new InvalidInputException("The export's model '" + datasetModel + "' is itself an adapter, so it"
                    + " cannot carry adapters of its own.").with("field", "adapters");
        }
        int d = catalog.find(datasetModel).dimension();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < entries.size(); k++) {
            AdapterEntry entry = entries.get(k);
            weights(k, entry, d);
            if (!names.add(entry.name())) {
                throw invalid(k, "name", "the name '" + entry.name() + "' is used twice in the export.");
            }
        }
    }

    @Override
    public List<RestoredAdapter> restore(long datasetId, String datasetModel, List<AdapterEntry> entries) {
        int d = catalog.find(datasetModel).dimension();
        List<RestoredAdapter> restored = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            AdapterEntry e = entries.get(k);
            float[] w = weights(k, e, d);
            String name = freeName(datasetModel, e.name());
            List<CurvePoint> curve = e.curve().stream().map(p -> new CurvePoint(p.step(), p.trainLoss(),
                    p.validationLoss(), p.validationAuc(), p.meanNorm())).toList();
            int step = curve.isEmpty() ? e.steps() : curve.get(curve.size() - 1).step();
            AdapterRecord row = new AdapterRecord(0, datasetId, datasetModel, name, e.loss(), e.params(), e.rank(),
                    e.steps(), e.learningRate(), e.regularization(), e.validationFraction(), e.seed(), e.split(),
                    AdapterRecord.Status.DONE, step, e.bestStep(), curve, e.before(), e.after(), null, e.dimension(),
                    e.outputDimension());
            Instant now = Instant.now();
            long id;
            try {
                id = adapters.insertDone(row, w, e.createdAt() == null ? now : e.createdAt(),
                        e.updatedAt() == null ? now : e.updatedAt());
            } catch (DuplicateKeyException raced) {
                throw new ConflictException("The adapter name '" + name + "' was taken for '" + datasetModel
                        + "' while the import ran; import again.").with("field", "adapters[" + k + "].name");
            }
            restored.add(new RestoredAdapter(id, e.name(), name, row.modelId()));
        }
        return restored;
    }

    /** The name itself when free under the base, else the first free name-2, name-3, ... of at most 40 characters. */
    private String freeName(String base, String name) {
        String candidate = name;
        for (int n = 2; adapters.findByModel(base, candidate).isPresent(); n++) {
            String suffix = "-" + n;
            candidate = name.substring(0, Math.min(name.length(), 40 - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Checks one entry completely and gives its W (D×K, row-major). */
    private float[] weights(int k, AdapterEntry e, int d) {
        if (e == null) throw invalid(k, null, "the entry is empty.");
        try {
            if (e.rank() == null) throw new InvalidInputException("rank", "rank is missing.");
            new AdapterRequest(e.name(), e.loss(), null, e.rank(), e.steps(), e.learningRate(), e.regularization(),
                    e.validationFraction(), e.seed()).checked();
            LossParameters.resolve(losses.find(e.loss()), e.params());
            AdapterForm.parse(e.rank(), d);
        } catch (DomainException bad) {
            Object parameter = bad.properties().get("parameter");
            Object field = parameter != null ? "params." + parameter
                    : bad instanceof NotFoundException ? "loss" : bad.properties().get("field");
            throw invalid(k, field == null ? null : field.toString(), bad.getMessage());
        }
        if (e.dimension() != d) {
            throw invalid(k, "dimension", "its dimension is " + e.dimension() + ", but the model's is " + d + ".");
        }
        if (e.outputDimension() < 1 || e.outputDimension() > MAX_OUTPUT_DIMENSION
                || (!"full".equals(e.rank()) && e.outputDimension() != d)) {
            throw invalid(k, "outputDimension", "outputDimension is " + e.outputDimension() + "; it must be from 1 to "
                    + MAX_OUTPUT_DIMENSION + ", and " + d + " unless the rank is full.");
        }
        checkProgress(k, e);
        return decode(k, e.weights(), d, e.outputDimension());
    }

    private static void checkProgress(int k, AdapterEntry e) {
        var split = e.split();
        if (split == null || split.trainPairs() < 0 || split.validationPairs() < 0 || split.leftOutPairs() < 0) {
            throw invalid(k, "split", "split must hold trainPairs, validationPairs and leftOutPairs, none negative.");
        }
        if (e.bestStep() != null && (e.bestStep() < 0 || e.bestStep() > e.steps())) {
            throw invalid(k, "bestStep", "bestStep is " + e.bestStep() + "; it must be from 0 to " + e.steps() + ".");
        }
        if (e.curve() == null || e.curve().stream().anyMatch(p -> p == null || p.step() < 0 || p.step() > e.steps())) {
            throw invalid(k, "curve", "curve must be a list of points with steps from 0 to " + e.steps() + ".");
        }
    }

    private static float[] decode(int k, String base64, int d, int outputDimension) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            throw invalid(k, "weights", "weights is not valid base64: " + e.getMessage());
        }
        long expected = 4L * d * outputDimension;
        if (bytes.length != expected) {
            throw invalid(k, "weights", "weights holds " + bytes.length + " bytes; a " + d + "×" + outputDimension
                    + " float32 W needs " + expected + ".");
        }
        float[] w = AdapterRepository.decode(bytes);
        for (float value : w) {
            if (!Float.isFinite(value)) throw invalid(k, "weights", "weights holds a value that is not finite.");
        }
        return w;
    }

    private static InvalidInputException invalid(int k, String field, String detail) {
        String where = "adapters[" + k + "]";
        InvalidInputException bad = new InvalidInputException(where + ": " + detail);
        bad.with("index", k);
        if (field != null) bad.with("field", where + "." + field);
        return bad;
    }
}
