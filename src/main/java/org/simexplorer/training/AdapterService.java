package org.simexplorer.training;

import org.simexplorer.evaluation.PairSplit;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.simexplorer.dataset.Dataset;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.dataset.DatasetSimilarity;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.embedding.ModelSpec;
import org.simexplorer.errors.ConflictException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.OverloadedException;
import org.simexplorer.formats.AdapterBundle;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.LossParameters;
import org.simexplorer.loss.PairLoss;
import org.simexplorer.loss.PairLossRegistry;
import org.simexplorer.scheduling.BackgroundScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adapters as the API sees them: checks a request completely (nothing is saved on bad input), saves it queued
 * with its scheduled execution, which any instance may claim; lists, shows, cancels and deletes them.
 */
@Service
class AdapterService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AdapterService.class);

    private final DatasetService datasets;
    private final LabelRepository labels;
    private final PairLossRegistry losses;
    private final ModelCatalog catalog;
    private final AdapterRepository adapters;
    private final BackgroundScheduler scheduler;
    private final TransactionTemplate transactions;
    private final TrainingProperties properties;
    private final AdapterModels models;
    private final DatasetSimilarity similarity;
    private final int minimumPerClass;

    AdapterService(DatasetService datasets, LabelRepository labels, PairLossRegistry losses, ModelCatalog catalog,
            AdapterRepository adapters, BackgroundScheduler scheduler, PlatformTransactionManager transactionManager,
            AdapterModels models, DatasetSimilarity similarity, TrainingProperties properties) {
        this.minimumPerClass = properties.minValidationPairsPerClass();
        this.similarity = similarity;
        this.datasets = datasets;
        this.labels = labels;
        this.losses = losses;
        this.catalog = catalog;
        this.adapters = adapters;
        this.scheduler = scheduler;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.models = models;
    }

    /**
     * A training with no scheduled execution cannot go on: it is marked failed, never left running. One with an
     * execution is resumed by whichever instance claims it.
     */
    @Override
    public void afterPropertiesSet() {
        int interrupted = adapters.failOrphaned(TrainingTask.DESCRIPTOR.getTaskName(), "Interrupted: the server "
                + "stopped before this training ended, and it cannot be resumed. Delete it and start it again.");
        if (interrupted > 0) log.warn("Marked {} interrupted adapter training(s) as failed", interrupted);
    }

    record Created(AdapterRecord adapter, AdapterView view) {
    }

    Created create(long datasetId, AdapterRequest raw) {
        Dataset dataset = datasets.get(datasetId);
        PairLoss loss = losses.find(raw.loss());
        AdapterRequest request = raw.checked();
        LossParameters params = LossParameters.resolve(loss, request.params());
        String base = dataset.model();
        if (catalog.extra(base).isPresent()) {
            throw new InvalidInputException("Dataset " + datasetId + " uses the adapter '" + base + "'; train on a "
                    + "dataset of a built-in model instead.").with("field", "model");
        }
        ModelSpec spec = catalog.find(base);
        AdapterForm form = AdapterForm.parse(request.rank(), spec.dimension());
        requireFreeName(base, request.name());
        List<LabelledPair> pairs = labels.list(datasetId).stream()
                .map(label -> new LabelledPair(label.i(), label.j(), label.label())).toList();
        PairSplit split = PairSplit.of(pairs, request.validationFraction(), request.seedValue()).requireBothClasses();
        TrainingPlan plan = new TrainingPlan(loss, params, form, request.stepCount(), request.learningRate(),
                request.regularization(), request.seedValue());
        AdapterRecord queued = new AdapterRecord(0, datasetId, base, request.name(), loss.id(), params.asMap(),
                form.label(), plan.steps(), plan.learningRate(), plan.regularization(), request.validationFraction(),
                plan.seed(), split.counts(), AdapterRecord.Status.QUEUED, 0, null, List.of(), null, null, null,
                spec.dimension(), spec.dimension());
        long id;
        try {
            id = enqueue(queued, TrainingPairs.of(pairs));
        } catch (DuplicateKeyException raced) {
            throw taken(base, request.name());
        }
        AdapterRecord saved = adapters.find(id).orElseThrow();
        return new Created(saved, AdapterView.of(saved, minimumPerClass));
    }

    /**
     * Saves the adapter queued and schedules its execution in one transaction, so neither exists without the
     * other; refused (503, nothing saved) when the queued and running trainings of every instance fill the queue.
     */
    private synchronized long enqueue(AdapterRecord queued, TrainingPairs pairs) {
        long id = transactions.execute(status -> {
            if (adapters.unfinished() >= properties.concurrency() + properties.queueCapacity()) {
                throw new OverloadedException("Training is busy: " + properties.concurrency() + " running and "
                        + properties.queueCapacity() + " waiting. Try again later, or cancel a training.",
                        properties.retryAfterSeconds());
            }
            long saved = adapters.insert(queued);
            scheduler.scheduler().schedule(TrainingTask.instance(saved, pairs), Instant.now());
            return saved;
        });
        scheduler.checkNow();
        return id;
    }

    AdapterView view(long id) {
        return AdapterView.of(find(id), minimumPerClass);
    }

    List<AdapterView> list(long datasetId) {
        datasets.get(datasetId);
        return adapters.byDataset(datasetId).stream().map(a -> AdapterView.of(a, minimumPerClass)).toList();
    }

    /** Cancels a queued or running training; deletes an ended one unless a dataset was created with it (409). */
    void delete(long id) {
        AdapterRecord adapter = find(id);
        // A running training sees the cancelled state at its next check, on whichever instance runs it.
        if (!adapter.status().finished() && adapters.cancel(id)) return;
        List<Long> using = adapters.datasetsUsing(adapter.modelId());
        if (!using.isEmpty()) {
            throw new ConflictException("The adapter '" + adapter.modelId() + "' is the model of dataset(s) " + using
                    + "; delete those datasets first.").with("datasets", using);
        }
        adapters.delete(id);
        models.forget(adapter.modelId());
        similarity.forgetModel(adapter.modelId());
    }

    /** The zip of a finished adapter, and the file name to save it under. */
    record Bundle(String fileName, byte[] zip) {
    }

    /** A finished adapter as a zip for sentence-transformers; 409 while it is not done. */
    Bundle bundle(long id) {
        AdapterRecord adapter = find(id);
        if (adapter.status() != AdapterRecord.Status.DONE) {
            throw new ConflictException("The adapter '" + adapter.modelId() + "' is " + adapter.status().wire()
                    + "; only a finished (done) adapter has weights to export.")
                    .with("adapterStatus", adapter.status().wire());
        }
        float[] w = adapters.weights(id).orElseThrow(() -> new IllegalStateException(
                "Finished adapter " + adapter.modelId() + " has no stored weights"));
        int k = adapter.outputDimension();
        float[][] rows = new float[adapter.dimension()][];
        for (int row = 0; row < rows.length; row++) rows[row] = Arrays.copyOfRange(w, row * k, (row + 1) * k);
        return new Bundle("adapter-" + adapter.name() + ".zip",
                AdapterBundle.zip(adapter.modelId(), adapter.base(), rows));
    }

    AdapterRecord find(long id) {
        return adapters.find(id).orElseThrow(() -> new NotFoundException("There is no adapter " + id + ".")
                .with("adapterId", id));
    }

    private void requireFreeName(String base, String name) {
        if (adapters.findByModel(base, name).isPresent()) throw taken(base, name);
    }

    private static ConflictException taken(String base, String name) {
        return (ConflictException) new ConflictException("The name '" + name + "' is already taken for the model '"
                + base + "': pick another, or delete the adapter '" + base + ":" + name + "' first.")
                .with("field", "name");
    }
}
