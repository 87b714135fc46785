package org.simexplorer.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.simexplorer.errors.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled pairs as sentence-transformers reads them: {@code sentence1,sentence2,label} with 1 (similar) or 0
 * (dissimilar), or {@code sentence1,sentence2,score} with 1.0 or 0.0 (for CoSENTLoss and CosineSimilarityLoss),
 * as RFC 4180 CSV (Commons CSV) or JSON Lines (Jackson). Never both columns: sentence-transformers takes every
 * column but the label as an input.
 */
public final class LabelExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One exported row: both sentences and whether the pair is labelled similar. */
    public record Row(String sentence1, String sentence2, boolean similar) {
    }

    private LabelExport() {
    }

    /** @throws InvalidInputException for a format other than csv or jsonl */
    public static String write(List<Row> rows, String format) {
        return write(rows, format, "label");
    }

    /**
     * @param column "label" (1/0) or "score" (1.0/0.0)
     * @throws InvalidInputException for a format other than csv or jsonl, or another column
     */
    public static String write(List<Row> rows, String format, String column) {
        if (!column.equals("label") && !column.equals("score")) {
            throw new InvalidInputException("column",
                    "Unknown column '" + column + "': use label (1/0) or score (1.0/0.0).");
        }
        return switch (format) {
            case "csv" -> csv(rows, column);
            case "jsonl" -> jsonl(rows, column);
            default -> throw new InvalidInputException("format",
                    "Unknown export format '" + format + "': use csv or jsonl.");
        };
    }

    private static String csv(List<Row> rows, String column) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("sentence1", "sentence2", column);
            for (Row row : rows) {
                printer.printRecord(row.sentence1(), row.sentence2(), value(row, column));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One JSON object per line: sentence1, sentence2, and the label as 1/0 or the score as 1.0/0.0. */
    public static String jsonl(List<Row> rows, String column) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("sentence1", row.sentence1());
            object.put("sentence2", row.sentence2());
            object.put(column, value(row, column));
            out.append(JSON.writeValueAsString(object)).append('\n');
        }
        return out.toString();
    }

    private static Object value(Row row, String column) {
        if (column.equals("score")) return row.similar() ? 1.0 : 0.0;
        return row.similar() ? 1 : 0;
    }
}
