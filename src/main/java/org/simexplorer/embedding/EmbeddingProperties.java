package org.simexplorer.embedding;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model serving settings (simexplorer.embedding.*).
 *
 * @param cacheDir        fixed folder the carrier jars' model files are copied to once
 * @param defaultModel    id used when a request names none; loaded in the background at start-up
 * @param intraOpThreads  ONNX Runtime threads inside one inference
 * @param predictors      inferences that may run at once
 * @param batchSize       sentences per forward pass
 * @param customDir       a user's model folder, or empty
 * @param loadWait        how long a request waits for a model that is still loading before it is refused
 *                        with 503 and Retry-After
 */
@ConfigurationProperties("simexplorer.embedding")
public record EmbeddingProperties(Path cacheDir, String defaultModel, Integer intraOpThreads, Integer predictors,
        Integer batchSize, String customDir, Duration loadWait) {

    public EmbeddingProperties {
        if (cacheDir == null) cacheDir = Path.of(System.getProperty("user.home"), ".cache", "similarity-explorer", "models");
        if (defaultModel == null || defaultModel.isBlank()) defaultModel = "all-minilm-l6-v2";
        if (intraOpThreads == null || intraOpThreads < 1) intraOpThreads = Runtime.getRuntime().availableProcessors();
        if (predictors == null || predictors < 1) predictors = 1;
        if (batchSize == null || batchSize < 1) batchSize = 16;
        if (loadWait == null || loadWait.isNegative()) loadWait = Duration.ofSeconds(30);
    }
}
