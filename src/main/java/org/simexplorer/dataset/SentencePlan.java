package org.simexplorer.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.TooLargeException;
import org.simexplorer.formats.PairResolver;
import org.simexplorer.formats.PairResolver.ResolvedPairs;
import org.simexplorer.formats.PairResolver.Unlabelled;
import org.simexplorer.formats.PairRow;
import org.simexplorer.formats.StorableText;
import org.simexplorer.formats.TextLine;
import org.simexplorer.loss.LabelledPair;

/**
 * What an upload adds to a dataset's sentences, and which labels its pairs set; worked out before anything is
 * written, so that a refused upload saves nothing.
 *
 * @param added          new sentences, in order, to be stored after the existing ones
 * @param duplicates     stand-alone sentences the dataset already had
 * @param labels         the labels the upload's pair rows set, by sentence index
 * @param identicalPairs pair rows that paired a sentence with itself (skipped)
 */
record SentencePlan(List<String> added, List<DatasetService.Duplicate> duplicates, List<LabelledPair> labels,
        int identicalPairs) {

    static SentencePlan of(List<String> existing, List<TextLine> input, List<PairRow> pairs, double threshold,
            int maxChars, int maxSentences) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int k = 0; k < existing.size(); k++) indexOf.put(existing.get(k), k);
        List<String> added = new ArrayList<>();
        List<DatasetService.Duplicate> duplicates = new ArrayList<>();
        for (TextLine sentence : input) {
            String text = checked(sentence, maxChars);
            Integer known = indexOf.get(text);
            if (known != null) {
                // Pair files repeat sentences on purpose; only report duplicates of stand-alone sentences.
                if (pairs.isEmpty()) duplicates.add(new DatasetService.Duplicate(text, known, sentence.line()));
                continue;
            }
            indexOf.put(text, existing.size() + added.size());
            added.add(text);
        }
        int total = existing.size() + added.size();
        if (total > maxSentences) {
            throw new TooLargeException("The dataset would have " + total + " sentences; at most "
                    + maxSentences + " are allowed.").with("limit", maxSentences);
        }
        ResolvedPairs resolved = new PairResolver(indexOf, total).resolve(pairs, threshold, Unlabelled.SKIP);
        return new SentencePlan(added, duplicates, resolved.labels(), resolved.identicalPairs());
    }

    private static String checked(TextLine sentence, int maxChars) {
        String text = sentence.text();
        if (text.isBlank()) {
            throw located(new InvalidInputException(where(sentence) + "the sentence is blank."), sentence);
        }
        if (!StorableText.storable(text)) {
            throw located(new InvalidInputException(where(sentence) + "the sentence contains the character U+0000"
                    + " (NUL), which cannot be stored; remove it."), sentence);
        }
        if (text.length() > maxChars) {
            throw located(new InvalidInputException(where(sentence) + "the sentence has " + text.length()
                    + " characters; at most " + maxChars + " are allowed."), sentence).with("limit", maxChars);
        }
        return text;
    }

    private static String where(TextLine sentence) {
        return sentence.line() > 0 ? "Line " + sentence.line() + ": " : "";
    }

    private static DomainException located(DomainException e, TextLine sentence) {
        return sentence.line() > 0 ? e.with("line", sentence.line()) : e;
    }
}
