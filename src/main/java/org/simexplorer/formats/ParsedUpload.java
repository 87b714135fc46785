package org.simexplorer.formats;

import java.util.List;

/** What a file holds: sentences in file order (pair files list sentence1 then sentence2), and pairs. */
public record ParsedUpload(List<TextLine> sentences, List<PairRow> pairs) {
}
