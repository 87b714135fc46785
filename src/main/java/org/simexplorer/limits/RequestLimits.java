package org.simexplorer.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size limits on what one request may ask for (simexplorer.limits.*), checked before the work starts.
 *
 * @param maxSentencesPerRequest sentences (or embedding rows) in one embed, similarity or loss request
 * @param maxCharsPerSentence    characters in one sentence
 * @param maxJsonBody            a JSON request body, counted while it is read and before it is parsed
 * @param maxLabelChanges        changes in one PUT labels request
 * @param maxJsonMatrix          the largest N whose similarity matrix is sent as JSON; above it, format=int16
 */
@ConfigurationProperties("simexplorer.limits")
public record RequestLimits(Integer maxSentencesPerRequest, Integer maxCharsPerSentence, DataSize maxJsonBody,
        Integer maxLabelChanges, Integer maxJsonMatrix) {

    public RequestLimits {
        if (maxSentencesPerRequest == null) maxSentencesPerRequest = 2000;
        if (maxCharsPerSentence == null) maxCharsPerSentence = 10_000;
        if (maxJsonBody == null) maxJsonBody = DataSize.ofMegabytes(16);
        if (maxLabelChanges == null) maxLabelChanges = 10_000;
        if (maxJsonMatrix == null) maxJsonMatrix = 2000;
    }
}
