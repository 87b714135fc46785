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
 * (dissimilar), as RFC 4180 CSV (Commons CSV) or JSON Lines (Jackson). CSV cells that a spreadsheet would run as
 * formulas are neutralised.
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
        return switch (format) {
            case "csv" -> csv(rows);
            case "jsonl" -> jsonl(rows);
            default -> throw new InvalidInputException("format",
                    "Unknown export format '" + format + "': use csv or jsonl.");
        };
    }

    /**
     * A row with a cell that a spreadsheet would run as a formula is written with every text cell quoted, and
     * that cell neutralised (see {@link #neutralised}); other rows are quoted only where CSV needs it.
     */
    private static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter plain = new CSVPrinter(out, CSVFormat.RFC4180);
                CSVPrinter quoted = new CSVPrinter(out, QUOTED)) {
            plain.printRecord("sentence1", "sentence2", "label");
            for (Row row : rows) {
                String first = neutralised(row.sentence1());
                String second = neutralised(row.sentence2());
                boolean formula = !first.equals(row.sentence1()) || !second.equals(row.sentence2());
                (formula ? quoted : plain).printRecord(first, second, row.similar() ? 1 : 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * OWASP's advice against CSV injection: a cell that begins with =, +, -, @, tab or carriage return gets a
     * leading single quote, so a spreadsheet shows it as text instead of evaluating it.
     */
    static String neutralised(String cell) {
        return startsLikeFormula(cell) ? "'" + cell : cell;
    }

    /** The sentence a {@link #neutralised} cell came from, or null when the cell was not neutralised. */
    static String beforeNeutralising(String cell) {
        return cell.startsWith("'") && startsLikeFormula(cell.substring(1)) ? cell.substring(1) : null;
    }

    private static boolean startsLikeFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
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
