package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.errors.InvalidInputException;

/** What the export writes, the upload parser reads back to the same pairs. */
class LabelExportTest {

    private static final List<LabelExport.Row> AWKWARD = List.of(
            new LabelExport.Row("plain", "with, a comma", true),
            new LabelExport.Row("a \"quoted\" word", "two\nlines", false),
            new LabelExport.Row("  padded  ", "中文句子 \\ back\u2028slash", true));

    @Test
    void csvRoundTripsThroughTheUploadParser() {
        String csv = LabelExport.write(AWKWARD, "csv");
        assertThat(csv).startsWith("sentence1,sentence2,label\r\n");
        assertThat(readBack(csv, UploadFormat.CSV)).containsExactlyElementsOf(expected());
    }

    @Test
    void jsonlRoundTripsThroughTheUploadParser() {
        String jsonl = LabelExport.write(AWKWARD, "jsonl");
        assertThat(jsonl.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{\"sentence1\":"));
        assertThat(readBack(jsonl, UploadFormat.JSONL)).containsExactlyElementsOf(expected());
    }

    @Test
    void unknownFormatNamesTheField() {
        assertThatThrownBy(() -> LabelExport.write(AWKWARD, "xml")).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.properties()).containsEntry("field", "format"));
    }

    /** Exactly what was written, surrounding whitespace included. */
    private static List<String> expected() {
        return AWKWARD.stream().map(r -> r.sentence1() + "|" + r.sentence2() + "|"
                + (r.similar() ? 1 : -1)).toList();
    }

    private static List<String> readBack(String text, UploadFormat format) {
        ParsedUpload upload = UploadParser.parse(text.getBytes(StandardCharsets.UTF_8), format);
        return upload.pairs().stream().map(p -> p.sentence1() + "|" + p.sentence2() + "|" + p.plusMinusLabel(0.5))
                .toList();
    }
}
