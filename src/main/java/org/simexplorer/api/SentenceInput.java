package org.simexplorer.api;

import org.simexplorer.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.simexplorer.limits.RequestLimits;

/**
 * Checks a JSON "sentences" list. It arrives as raw objects so that a number or an object in the list
 * is reported, rather than silently coerced to a string.
 */
public final class SentenceInput {

    private SentenceInput() {
    }

    public static List<String> validate(List<?> raw, RequestLimits limits) {
        if (raw == null) {
            throw new InvalidInputException("'sentences' is missing: give a non-empty list of strings.");
        }
        if (raw.isEmpty()) {
            throw new InvalidInputException("'sentences' is empty: give at least one sentence.");
        }
        if (raw.size() > limits.maxSentencesPerRequest()) {
            throw new InvalidInputException("'sentences' has " + raw.size() + " entries; at most "
                    + limits.maxSentencesPerRequest() + " are allowed per request.")
                    .with("limit", limits.maxSentencesPerRequest());
        }
        List<String> sentences = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object value = raw.get(i);
            if (!(value instanceof String sentence)) {
                throw new InvalidInputException("sentences[" + i + "] is " + describe(value) + ", not a string.")
                        .with("index", i);
            }
            if (sentence.isBlank()) {
                throw new InvalidInputException("sentences[" + i + "] is blank.").with("index", i);
            }
            if (sentence.length() > limits.maxCharsPerSentence()) {
                throw new InvalidInputException("sentences[" + i + "] has " + sentence.length()
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
