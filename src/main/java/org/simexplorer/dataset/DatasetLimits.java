package org.simexplorer.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on datasets (simexplorer.datasets.*). The upload size also feeds
 * spring.servlet.multipart.max-file-size in application.properties.
 */
@ConfigurationProperties("simexplorer.datasets")
public record DatasetLimits(Integer maxSentences, DataSize maxUploadSize, Integer embedChunk) {

    /**
     * @param embedChunk a dataset's new sentences go to the model this many at a time, each chunk under its own
     *                   embedding permit, so that /api/embed callers are served between the chunks
     */
    public DatasetLimits {
        if (maxSentences == null) maxSentences = 5000;
        if (maxUploadSize == null) maxUploadSize = DataSize.ofMegabytes(10);
        if (embedChunk == null || embedChunk < 1) embedChunk = 64;
    }
}
