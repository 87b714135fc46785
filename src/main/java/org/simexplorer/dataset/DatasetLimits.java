package org.simexplorer.dataset;

import org.simexplorer.errors.TooLargeException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on datasets (simexplorer.datasets.*). The upload size also feeds
 * spring.servlet.multipart.max-file-size in application.properties.
 *
 * @param embedChunk sentences embedded per call while creating a dataset, so that other embedding callers get
 *                   the model in between
 */
@ConfigurationProperties("simexplorer.datasets")
public record DatasetLimits(Integer maxSentences, DataSize maxUploadSize, Integer embedChunk) {

    public DatasetLimits {
        if (maxSentences == null) maxSentences = 5000;
        if (maxUploadSize == null) maxUploadSize = DataSize.ofMegabytes(10);
        if (embedChunk == null) embedChunk = 256;
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
