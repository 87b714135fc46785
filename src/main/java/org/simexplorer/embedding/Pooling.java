package org.simexplorer.embedding;

/** How a sentence vector is read off the token vectors. */
public enum Pooling {
    /** Average of the token vectors where the attention mask is 1 (sentence-transformers' mean pooling). */
    MEAN,
    /** The vector of the first token, [CLS]. */
    CLS;

    public static Pooling parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown pooling '" + text + "'; use mean or cls.");
        }
    }
}
