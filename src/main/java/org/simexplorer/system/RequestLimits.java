package org.simexplorer.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Size limits on what one request may ask for. */
@ConfigurationProperties("simexplorer.limits")
public record RequestLimits(Integer maxSentencesPerRequest, Integer maxCharsPerSentence) {

    public RequestLimits {
        if (maxSentencesPerRequest == null) maxSentencesPerRequest = 2000;
        if (maxCharsPerSentence == null) maxCharsPerSentence = 10_000;
    }
}
