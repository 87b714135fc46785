package org.simexplorer.formats;

import static org.simexplorer.formats.UploadParser.atLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.io.Reader;
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

    static ParsedUpload parse(Reader text, char delimiter, boolean quoted) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setQuote(quoted ? Character.valueOf('"') : null).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Rows rows = new Rows(parser, quoted);
            Row header = rows.next();
            while (header != null && header.isBlank()) header = rows.next();
            if (header == null) {
                throw atLine(1, ": the file is empty; it needs a header row.");
            }
            Columns columns = Columns.of(header.fields());
            if (columns.pairs()) {
                return pairs(header, columns, rows);
            }
            if (columns.single() != null) {
                return sentences(columns, rows);
            }
            throw atLine(header.line(), ": the header " + header.fields()
                    + " has none of the expected columns: 'sentence' or 'text', 'sentence1,sentence2[,label|score]',"
                    + " or 'i,j,label'.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ParsedUpload pairs(Row header, Columns columns, Rows body) {
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
        for (Row row = body.next(); row != null; row = body.next()) {
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

    private static ParsedUpload sentences(Columns columns, Rows body) {
        List<TextLine> sentences = new ArrayList<>();
        for (Row row = body.next(); row != null; row = body.next()) {
            if (row.isBlank()) continue;
            checkWidth(row, columns.width());
            String sentence = row.fields().get(columns.single());
            if (!sentence.isBlank()) sentences.add(new TextLine(sentence, row.line()));
        }
        return new ParsedUpload(sentences, List.of());
    }

    /**
     * The records one at a time, each with the line it starts on. The parser has consumed exactly the previous
     * record (and its line break) when the next is asked for, so a record starts one line after the parser's
     * count at that moment.
     */
    private static final class Rows {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        /** Quoted CSV is what the exports write, formula-protected; its fields are read back unprotected. */
        private final boolean unprotect;

        Rows(CSVParser parser, boolean unprotect) {
            this.parser = parser;
            this.records = parser.iterator();
            this.unprotect = unprotect;
        }

        /** The next record, or null after the last. */
        Row next() {
            int line = (int) parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) return null;
                List<String> fields = records.next().toList();
                return new Row(line, unprotect ? fields.stream().map(LabelExport::unprotected).toList() : fields);
            } catch (UncheckedIOException | IllegalStateException e) {
                throw atLine(line, ": " + describe(e));
            }
        }
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
