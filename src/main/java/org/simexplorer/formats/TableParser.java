package org.simexplorer.formats;

import static org.simexplorer.formats.UploadParser.atLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180 quoting) and TSV (no quoting) files with a header row, read with Apache Commons CSV. Each record
 * keeps the line it starts on, so that every error names a line. Sentences are kept exactly as written, surrounding
 * whitespace included; in CSV, a cell that {@link LabelExport} protected against spreadsheet formulas is read back
 * without the protection.
 */
final class TableParser {

    private TableParser() {
    }

    private record Row(int line, List<String> fields) {

        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /** The header's known columns, by lower-case name; null where absent. */
    private record Columns(Integer sentence1, Integer sentence2, Integer i, Integer j, Integer label, Integer score,
            Integer single, int width) {

        static Columns of(List<String> header) {
            Map<String, Integer> byName = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.putIfAbsent(header.get(c).strip().toLowerCase(Locale.ROOT), c);
            }
            Integer single = byName.containsKey("sentence") ? byName.get("sentence") : byName.get("text");
            return new Columns(byName.get("sentence1"), byName.get("sentence2"), byName.get("i"), byName.get("j"),
                    byName.get("label"), byName.get("score"), single, header.size());
        }

        boolean pairs() {
            return sentence1 != null && sentence2 != null || i != null && j != null;
        }

        boolean byIndex() {
            return sentence1 == null || sentence2 == null;
        }
    }

    static ParsedUpload parse(String text, char delimiter, boolean quoted) {
        List<Row> rows = read(text, delimiter, quoted);
        if (quoted) rows = rows.stream().map(row -> new Row(row.line(),
                row.fields().stream().map(LabelExport::unprotected).toList())).toList();
        if (rows.isEmpty()) {
            throw atLine(1, ": the file is empty; it needs a header row.");
        }
        Row header = rows.get(0);
        Columns columns = Columns.of(header.fields());
        List<Row> body = rows.subList(1, rows.size());
        if (columns.pairs()) {
            return pairs(header, columns, body);
        }
        if (columns.single() != null) {
            return sentences(columns, body);
        }
        throw atLine(header.line(), ": the header " + header.fields()
                + " has none of the expected columns: 'sentence' or 'text', 'sentence1,sentence2[,label|score]',"
                + " or 'i,j,label'.");
    }

    private static ParsedUpload pairs(Row header, Columns columns, List<Row> body) {
        if (columns.label() != null && columns.score() != null) {
            throw atLine(header.line(), ": give either a 'label' or a 'score' column, not both.");
        }
        if (columns.byIndex() && columns.label() == null) {
            throw atLine(header.line(), ": index columns i,j need a 'label' column.");
        }
        Integer valueColumn = columns.label() != null ? columns.label() : columns.score();
        boolean scoreKind = columns.score() != null;
        List<TextLine> sentences = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        for (Row row : body) {
            if (row.isBlank()) continue;
            checkWidth(row, columns.width());
            List<String> f = row.fields();
            String value = valueColumn == null ? null : f.get(valueColumn).strip();
            if (columns.byIndex()) {
                pairs.add(new PairRow(row.line(), null, null, index(f.get(columns.i()), "i", row.line()),
                        index(f.get(columns.j()), "j", row.line()), value, scoreKind));
            } else {
                String s1 = nonBlank(f.get(columns.sentence1()), "sentence1", row.line());
                String s2 = nonBlank(f.get(columns.sentence2()), "sentence2", row.line());
                sentences.add(new TextLine(s1, row.line()));
                sentences.add(new TextLine(s2, row.line()));
                pairs.add(new PairRow(row.line(), s1, s2, null, null, value, scoreKind));
            }
        }
        return new ParsedUpload(sentences, pairs);
    }

    private static ParsedUpload sentences(Columns columns, List<Row> body) {
        List<TextLine> sentences = new ArrayList<>();
        for (Row row : body) {
            if (row.isBlank()) continue;
            checkWidth(row, columns.width());
            String sentence = row.fields().get(columns.single());
            if (!sentence.isBlank()) sentences.add(new TextLine(sentence, row.line()));
        }
        return new ParsedUpload(sentences, List.of());
    }

    /**
     * All records with the line each starts on. The parser has consumed exactly the previous record (and its line
     * break) when the next is asked for, so a record starts one line after the parser's count at that moment.
     */
    private static List<Row> read(String text, char delimiter, boolean quoted) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setQuote(quoted ? Character.valueOf('"') : null).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) break;
                    rows.add(new Row(line, records.next().toList()));
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw atLine(line, ": " + describe(e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int first = 0;
        while (first < rows.size() && rows.get(first).isBlank()) first++;
        return rows.subList(first, rows.size());
    }

    /** Commons CSV's words for the two ways a quoted field goes wrong, in the user's terms. */
    private static String describe(RuntimeException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is never closed.";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote; quote the whole field and double the quotes inside it.";
        }
        return "the CSV is malformed (" + message + ").";
    }

    private static void checkWidth(Row row, int width) {
        if (row.fields().size() != width) {
            throw atLine(row.line(), " has " + row.fields().size() + " columns but the header has " + width + ".");
        }
    }

    private static String nonBlank(String value, String column, int line) {
        if (value.isBlank()) {
            throw atLine(line, ": '" + column + "' is empty.");
        }
        return value;
    }

    private static int index(String value, String column, int line) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw atLine(line, ": '" + column + "' is '" + value + "', not a sentence index.");
        }
    }
}
