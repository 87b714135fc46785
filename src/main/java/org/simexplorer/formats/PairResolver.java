package org.simexplorer.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.loss.LabelledPair;

/**
 * Turns the pair rows of a file into ±1 labels on sentence indices: by index, or by sentence text looked up in
 * the dataset. A later row for the same pair wins; a pair of a sentence with itself is counted and skipped.
 */
public final class PairResolver {

    /** What to do with a row that has no label or score. */
    public enum Unlabelled { SKIP, REFUSE }

    /** Labels with i &lt; j in file order, and how many rows paired a sentence with itself. */
    public record ResolvedPairs(List<LabelledPair> labels, int identicalPairs) {
    }

    private final Map<String, Integer> indexOf;
    private final int sentences;

    /**
     * @param indexOf   sentence text to index
     * @param sentences how many sentences the dataset has (indices run from 0 to sentences − 1)
     */
    public PairResolver(Map<String, Integer> indexOf, int sentences) {
        this.indexOf = indexOf;
        this.sentences = sentences;
    }

    /** @throws InvalidInputException the threshold is NaN or infinite, which would call every pair alike */
    public ResolvedPairs resolve(List<PairRow> rows, double threshold, Unlabelled unlabelled) {
        if (!Double.isFinite(threshold)) {
            throw new InvalidInputException("threshold", "'threshold' must be a finite number, not " + threshold
                    + ".");
        }
        Map<Long, LabelledPair> byPair = new LinkedHashMap<>();
        int identical = 0;
        for (PairRow row : rows) {
            if (!row.hasValue()) {
                if (unlabelled == Unlabelled.SKIP) continue;
                throw new InvalidInputException("Line " + row.line() + ": the pair has no label; add a 'label' or"
                        + " 'score' column.").with("line", row.line());
            }
            int i = row.byIndex() ? checkIndex(row.i(), row.line()) : find(row.sentence1(), row.line());
            int j = row.byIndex() ? checkIndex(row.j(), row.line()) : find(row.sentence2(), row.line());
            int label = row.plusMinusLabel(threshold);
            if (i == j) {
                identical++;
                continue;
            }
            int a = Math.min(i, j);
            int b = Math.max(i, j);
            byPair.put(((long) a << 32) | b, new LabelledPair(a, b, label));
        }
        return new ResolvedPairs(new ArrayList<>(byPair.values()), identical);
    }

    private int find(String sentence, int line) {
        Integer index = indexOf.get(sentence);
        if (index == null) {
            throw new InvalidInputException("Line " + line + ": the sentence \"" + abbreviate(sentence)
                    + "\" is not in the dataset.").with("line", line);
        }
        return index;
    }

    private int checkIndex(int index, int line) {
        if (index < 0 || index >= sentences) {
            throw new InvalidInputException("Line " + line + ": sentence index " + index
                    + " is not in the dataset (it has " + sentences + " sentences).").with("line", line);
        }
        return index;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
