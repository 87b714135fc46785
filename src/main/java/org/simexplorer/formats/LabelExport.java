package org.simexplorer.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.simexplorer.errors.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled pairs as sentence-transformers reads them: {@code sentence1,sentence2,label} with 1 (similar) or 0
 * (dissimilar), or {@code sentence1,sentence2,score} with 1.0 or 0.0 (for CoSENTLoss and CosineSimilarityLoss),
 * as RFC 4180 CSV (Commons CSV) or JSON Lines (Jackson). Never both columns: sentence-transformers takes every
 * column but the label as an input. CSV cells that a spreadsheet would run as formulas are neutralised.
 */
public final class LabelExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();

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

    /**
     * A row with a cell that a spreadsheet would run as a formula is written with every text cell quoted, and
     * that cell neutralised (see {@link #neutralised}); other rows are quoted only where CSV needs it.
     */
    private static String csv(List<Row> rows, String column) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter plain = new CSVPrinter(out, CSVFormat.RFC4180);
                CSVPrinter quoted = new CSVPrinter(out, QUOTED)) {
            plain.printRecord("sentence1", "sentence2", column);
            for (Row row : rows) {
                String first = neutralised(row.sentence1());
                String second = neutralised(row.sentence2());
                boolean formula = !first.equals(row.sentence1()) || !second.equals(row.sentence2());
                (formula ? quoted : plain).printRecord(first, second, value(row, column));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * OWASP's advice against CSV injection: a cell that begins with =, +, -, @, tab or carriage return gets a
     * leading single quote, so a spreadsheet shows it as text instead of evaluating it. So does a cell that
     * already looks protected (quotes, then one of those), so that {@link #unprotected} restores every cell.
     */
    static String neutralised(String cell) {
        return needsProtection(cell) ? "'" + cell : cell;
    }

    /** The text a CSV cell stands for: the cell without the quote that {@link #neutralised} added, if it did. */
    static String unprotected(String cell) {
        return cell.startsWith("'") && needsProtection(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsProtection(String cell) {
        int k = 0;
        while (k < cell.length() && cell.charAt(k) == '\'') k++;
        return k < cell.length() && "=+-@\t\r".indexOf(cell.charAt(k)) >= 0;
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
