package org.simexplorer.dataset;

import org.simexplorer.errors.TooLargeException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on datasets (simexplorer.datasets.*). The upload size also feeds
 * spring.servlet.multipart.max-file-size in application.properties.
 *
 * @param embedChunk         sentences embedded per call while creating a dataset, so that other embedding
 *                           callers get the model in between; a dataset job commits its vectors per chunk
 * @param maxMatrixSentences the largest dataset whose whole N×N cosine matrix (and its cluster order) is built;
 *                           above it the dense endpoints answer 413 naming this limit
 */
@ConfigurationProperties("simexplorer.datasets")
public record DatasetLimits(Integer maxSentences, DataSize maxUploadSize, Integer embedChunk,
        Integer maxMatrixSentences) {

    public DatasetLimits {
        if (maxSentences == null) maxSentences = 200_000;
        if (maxUploadSize == null) maxUploadSize = DataSize.ofMegabytes(64);
        if (embedChunk == null || embedChunk < 1) embedChunk = 256;
        if (maxMatrixSentences == null) maxMatrixSentences = 5000;
    }

    /** Refuses to build the whole N×N matrix of a dataset past {@link #maxMatrixSentences()} (413). */
    public void checkMatrixSize(int sentences) {
        if (sentences > maxMatrixSentences) {
            throw new TooLargeException("The dataset has " + sentences + " sentences; the whole similarity matrix"
                    + " and its cluster order are built for at most " + maxMatrixSentences
                    + " (simexplorer.datasets.max-matrix-sentences).").with("limit", maxMatrixSentences)
                    .with("sentences", sentences);
        }
    }

    /** Refuses an upload over the size limit before it is read. */
    public void checkUploadSize(long bytes) {
        long limit = maxUploadSize.toBytes();
        if (bytes > limit) {
            throw new TooLargeException("The upload has " + bytes + " bytes; at most " + limit + " are allowed.")
                    .with("limit", limit);
        }
    }
}
