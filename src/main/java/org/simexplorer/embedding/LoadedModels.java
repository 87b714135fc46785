package org.simexplorer.embedding;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.simexplorer.errors.OverloadedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalogue's models in memory. Each loads once, on a background thread: the default one as soon as the app
 * is up (so the port opens without waiting for it), any other on its first use. A caller that needs a model still
 * loading waits for it up to {@code simexplorer.embedding.load-wait}, and is then refused with 503 and Retry-After.
 * Models are closed when the application stops. Health and info read where each model stands from here.
 */
@Component
public class LoadedModels implements DisposableBean {

    /** Where a model stands; {@link #FAILED} is kept only until the next request tries again. */
    public enum ModelState { NOT_LOADED, LOADING, LOADED, FAILED }

    /** A built-in model loads in a few seconds here; a refused caller is told to come back after that. */
    static final long RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(LoadedModels.class);
    /** Far longer than a load takes (see ready_ms of bench/startup.sh), so that only a hung load is left behind. */
    private static final Duration LOAD_END_WAIT = Duration.ofSeconds(60);

    private final ModelCatalog catalog;
    private final ModelLoader loader;
    private final Duration loadWait;
    /**
     * One future per model. computeIfAbsent only puts the future in the map; the load itself runs on the
     * loader thread, outside the map's lock, so requests for other models are never held up by it.
     */
    private final Map<String, CompletableFuture<LoadedModel>> models = new ConcurrentHashMap<>();
    /** One thread: loading two models at once on two cores only slows both. */
    private final ExecutorService loaderThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "model-loader");
        thread.setDaemon(true);
        return thread;
    });

    LoadedModels(ModelCatalog catalog, ModelLoader loader, EmbeddingProperties properties) {
        this.catalog = catalog;
        this.loader = loader;
        this.loadWait = properties.loadWait();
    }

    /** Starts the default model's load once the app serves requests, so start-up does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    public void loadDefaultModel() {
        loading(catalog.find(null));
    }

    public String defaultModel() {
        return catalog.defaultId();
    }

    /** True once a model is in memory and ready to embed. */
    public boolean isLoaded(String id) {
        return state(id) == ModelState.LOADED;
    }

    public ModelState state(String id) {
        CompletableFuture<LoadedModel> future = models.get(id);
        if (future == null) return ModelState.NOT_LOADED;
        if (!future.isDone()) return ModelState.LOADING;
        return future.isCompletedExceptionally() ? ModelState.FAILED : ModelState.LOADED;
    }

    /** Every model that has been asked for, in catalogue order, with where it stands. */
    public Map<String, ModelState> states() {
        Map<String, ModelState> states = new LinkedHashMap<>();
        for (String id : catalog.ids()) {
            ModelState state = state(id);
            if (state != ModelState.NOT_LOADED) states.put(id, state);
        }
        return states;
    }

    /** The model, loading it first if need be; 503 when it is still loading after the configured wait. */
    LoadedModel get(ModelSpec spec) {
        CompletableFuture<LoadedModel> future = loading(spec);
        try {
            return future.get(loadWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OverloadedException("The model '" + spec.id() + "' is still loading; try again in "
                    + RETRY_AFTER_SECONDS + " seconds.", RETRY_AFTER_SECONDS).with("model", spec.id());
        } catch (ExecutionException e) {
            // Forget the failure, so that the next request tries to load the model again.
            models.remove(spec.id(), future);
            throw new IllegalStateException("Cannot load model " + spec.id(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for model " + spec.id(), e);
        }
    }

    private CompletableFuture<LoadedModel> loading(ModelSpec spec) {
        return models.computeIfAbsent(spec.id(),
                id -> CompletableFuture.supplyAsync(() -> load(spec), loaderThread));
    }

    private LoadedModel load(ModelSpec spec) {
        try {
            return loader.load(spec);
        } catch (RuntimeException e) {
            log.error("Cannot load model {}", spec.id(), e);
            throw e;
        }
    }

    /**
     * Waits for a load in progress to end before closing the models: ONNX Runtime cannot stop building a session,
     * and the process must not exit (freeing ONNX Runtime's environment) under it. Loads not yet started are
     * dropped; whoever waits for them gets the usual 503 when the wait runs out.
     */
    @Override
    public void destroy() {
        loaderThread.shutdownNow();
        try {
            if (!loaderThread.awaitTermination(LOAD_END_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("A model load was still running {} after the app began to stop", LOAD_END_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.values().forEach(future -> future.thenAccept(LoadedModel::close));
        models.clear();
    }
}
