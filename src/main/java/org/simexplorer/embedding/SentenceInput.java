package org.simexplorer.embedding;

import java.util.ArrayList;
import java.util.List;
import org.simexplorer.system.ApiException;
import org.simexplorer.system.RequestLimits;

/**
 * Checks a JSON "sentences" list. It arrives as raw objects so that a number or an object in the list
 * is reported, rather than silently coerced to a string.
 */
public final class SentenceInput {

    private SentenceInput() {
    }

    public static List<String> validate(List<?> raw, RequestLimits limits) {
        if (raw == null) {
            throw ApiException.badRequest("'sentences' is missing: give a non-empty list of strings.");
        }
        if (raw.isEmpty()) {
            throw ApiException.badRequest("'sentences' is empty: give at least one sentence.");
        }
        if (raw.size() > limits.maxSentencesPerRequest()) {
            throw ApiException.badRequest("'sentences' has " + raw.size() + " entries; at most "
                    + limits.maxSentencesPerRequest() + " are allowed per request.")
                    .with("limit", limits.maxSentencesPerRequest());
        }
        List<String> sentences = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object value = raw.get(i);
            if (!(value instanceof String sentence)) {
                throw ApiException.badRequest("sentences[" + i + "] is " + describe(value) + ", not a string.")
                        .with("index", i);
            }
            if (sentence.isBlank()) {
                throw ApiException.badRequest("sentences[" + i + "] is blank.").with("index", i);
            }
            if (sentence.length() > limits.maxCharsPerSentence()) {
                throw ApiException.badRequest("sentences[" + i + "] has " + sentence.length()
                        + " characters; at most " + limits.maxCharsPerSentence() + " are allowed.")
                        .with("index", i).with("limit", limits.maxCharsPerSentence());
            }
            sentences.add(sentence);
        }
        return sentences;
    }

    private static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof Number) return "a number";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof List) return "a list";
        return "an object";
    }
}
