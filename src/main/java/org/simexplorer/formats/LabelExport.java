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
 * (dissimilar), as RFC 4180 CSV (Commons CSV) or JSON Lines (Jackson).
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
        return switch (format) {
            case "csv" -> csv(rows);
            case "jsonl" -> jsonl(rows);
            default -> throw new InvalidInputException("format",
                    "Unknown export format '" + format + "': use csv or jsonl.");
        };
    }

    private static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("sentence1", "sentence2", "label");
            for (Row row : rows) {
                printer.printRecord(row.sentence1(), row.sentence2(), row.similar() ? 1 : 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String jsonl(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("sentence1", row.sentence1());
            object.put("sentence2", row.sentence2());
            object.put("label", row.similar() ? 1 : 0);
            out.append(JSON.writeValueAsString(object)).append('\n');
        }
        return out.toString();
    }
}
