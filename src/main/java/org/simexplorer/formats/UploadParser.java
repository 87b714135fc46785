package org.simexplorer.formats;

import org.simexplorer.errors.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads uploaded sentence and pair files. Every error is a 400 problem detail whose {@code line} property names
 * the offending line (1-based), so a user can fix the file. Accepted layouts:
 * <ul>
 * <li>.txt: one sentence per line; blank lines are ignored.</li>
 * <li>.csv (RFC 4180 quoting) and .tsv (tab-separated, no quoting) with a header row: a column {@code sentence}
 * or {@code text}; or pair columns {@code sentence1,sentence2} with an optional {@code label} or {@code score};
 * or index columns {@code i,j,label} (label import only). Other columns are ignored.</li>
 * <li>.jsonl: one object per line, {@code {"text"}}, {@code {"sentence1","sentence2"[,"label"|"score"]}} or
 * {@code {"i","j","label"}}.</li>
 * </ul>
 */
public final class UploadParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UploadParser() {
    }

    public static ParsedUpload parse(byte[] bytes, UploadFormat format) {
        String text = decodeUtf8(bytes);
        return switch (format) {
            case TXT -> parseTxt(text);
            case CSV -> parseTable(text, ',', true);
            case TSV -> parseTable(text, '\t', false);
            case JSONL -> parseJsonl(text);
        };
    }

    /** Strict UTF-8: a malformed byte is reported with its line instead of being replaced. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = lineOfByte(bytes, in.position());
            throw new InvalidInputException("Line " + line + " is not valid UTF-8 (byte offset " + in.position()
                    + "). Save the file as UTF-8.").with("line", line);
        }
        result = decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < bytes.length; k++) {
            if (bytes[k] == '\n') line++;
        }
        return line;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\r?\n", -1));
    }

    private static ParsedUpload parseTxt(String text) {
        return new ParsedUpload(textLines(text), List.of());
    }

    /** Plain text, pasted or uploaded: one sentence per non-blank line, stripped, with its line number. */
    public static List<TextLine> textLines(String text) {
        List<TextLine> sentences = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int k = 0; k < lines.length; k++) {
            String sentence = lines[k].strip();
            if (!sentence.isEmpty()) sentences.add(new TextLine(sentence, k + 1));
        }
        return sentences;
    }

    private record Record(int line, List<String> fields) {
    }

    private static ParsedUpload parseTable(String text, char delimiter, boolean quoted) {
        List<Record> records = quoted ? readCsv(text, delimiter) : readUnquoted(text, delimiter);
        if (records.isEmpty()) {
            throw new InvalidInputException("Line 1: the file is empty; it needs a header row.").with("line", 1);
        }
        Record header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.fields().size(); c++) {
            columns.putIfAbsent(header.fields().get(c).strip().toLowerCase(Locale.ROOT), c);
        }
        Integer sentence1 = columns.get("sentence1");
        Integer sentence2 = columns.get("sentence2");
        Integer i = columns.get("i");
        Integer j = columns.get("j");
        Integer label = columns.get("label");
        Integer score = columns.get("score");
        Integer single = columns.containsKey("sentence") ? columns.get("sentence") : columns.get("text");
        int width = header.fields().size();

        List<TextLine> sentences = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        if (sentence1 != null && sentence2 != null || i != null && j != null) {
            boolean byIndex = sentence1 == null || sentence2 == null;
            if (label != null && score != null) {
                throw new InvalidInputException("Line " + header.line()
                        + ": give either a 'label' or a 'score' column, not both.").with("line", header.line());
            }
            if (byIndex && label == null) {
                throw new InvalidInputException("Line " + header.line()
                        + ": index columns i,j need a 'label' column.").with("line", header.line());
            }
            Integer valueColumn = label != null ? label : score;
            for (Record record : records.subList(1, records.size())) {
                if (isBlank(record)) continue;
                checkWidth(record, width);
                List<String> f = record.fields();
                String value = valueColumn == null ? null : f.get(valueColumn).strip();
                if (byIndex) {
                    pairs.add(new PairRow(record.line(), null, null, index(f.get(i), "i", record.line()),
                            index(f.get(j), "j", record.line()), value, score != null));
                } else {
                    String s1 = nonBlank(f.get(sentence1), "sentence1", record.line());
                    String s2 = nonBlank(f.get(sentence2), "sentence2", record.line());
                    sentences.add(new TextLine(s1, record.line()));
                    sentences.add(new TextLine(s2, record.line()));
                    pairs.add(new PairRow(record.line(), s1, s2, null, null, value, score != null));
                }
            }
        } else if (single != null) {
            for (Record record : records.subList(1, records.size())) {
                if (isBlank(record)) continue;
                checkWidth(record, width);
                String sentence = record.fields().get(single).strip();
                if (!sentence.isEmpty()) sentences.add(new TextLine(sentence, record.line()));
            }
        } else {
            throw new InvalidInputException("Line " + header.line() + ": the header " + header.fields()
                    + " has none of the expected columns: 'sentence' or 'text', 'sentence1,sentence2[,label|score]',"
                    + " or 'i,j,label'.").with("line", header.line());
        }
        return new ParsedUpload(sentences, pairs);
    }

    private static boolean isBlank(Record record) {
        return record.fields().size() == 1 && record.fields().get(0).isBlank();
    }

    private static void checkWidth(Record record, int width) {
        if (record.fields().size() != width) {
            throw new InvalidInputException("Line " + record.line() + " has " + record.fields().size()
                    + " columns but the header has " + width + ".").with("line", record.line());
        }
    }

    private static String nonBlank(String value, String column, int line) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException("Line " + line + ": '" + column + "' is empty.").with("line", line);
        }
        return stripped;
    }

    private static int index(String value, String column, int line) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Line " + line + ": '" + column + "' is '" + value
                    + "', not a sentence index.").with("line", line);
        }
    }

    /** RFC 4180: fields may be quoted, quotes doubled inside, and a quoted field may span lines. */
    private static List<Record> readCsv(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (inQuotes) {
                if (c == '"') {
                    if (k + 1 < n && text.charAt(k + 1) == '"') {
                        field.append('"');
                        k++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || fieldWasQuoted) {
                    throw new InvalidInputException("Line " + line + ": a quote inside an unquoted field; quote the"
                            + " whole field and double the quotes inside it.").with("line", line);
                }
                inQuotes = true;
                fieldWasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && k + 1 < n && text.charAt(k + 1) == '\n') k++;
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                recordLine = line;
            } else {
                if (fieldWasQuoted) {
                    throw new InvalidInputException("Line " + line + ": text after a closing quote.")
                            .with("line", line);
                }
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new InvalidInputException("Line " + recordLine + ": a quoted field is never closed.")
                    .with("line", recordLine);
        }
        if (field.length() > 0 || fieldWasQuoted || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return dropLeadingBlank(records);
    }

    private static List<Record> readUnquoted(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        List<String> lines = lines(text);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            if (k == lines.size() - 1 && line.isEmpty()) break;
            records.add(new Record(k + 1, List.of(line.split(String.valueOf(delimiter), -1))));
        }
        return dropLeadingBlank(records);
    }

    private static List<Record> dropLeadingBlank(List<Record> records) {
        int first = 0;
        while (first < records.size() && isBlank(records.get(first))) first++;
        return records.subList(first, records.size());
    }

    private static ParsedUpload parseJsonl(String text) {
        List<TextLine> sentences = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        List<String> lines = lines(text);
        for (int k = 0; k < lines.size(); k++) {
            int line = k + 1;
            String raw = lines.get(k).strip();
            if (raw.isEmpty()) continue;
            Map<?, ?> object;
            try {
                object = JSON.readValue(raw, Map.class);
            } catch (JacksonException e) {
                throw new InvalidInputException("Line " + line + " is not a JSON object: "
                        + e.getOriginalMessage()).with("line", line);
            }
            if (object.containsKey("label") && object.containsKey("score")) {
                throw new InvalidInputException("Line " + line + ": give either \"label\" or \"score\", not both.")
                        .with("line", line);
            }
            Object valueObject = object.containsKey("label") ? object.get("label") : object.get("score");
            String value = valueObject == null ? null : jsonValue(valueObject, line);
            boolean scoreKind = !object.containsKey("label") && object.containsKey("score");
            if (object.containsKey("sentence1") || object.containsKey("sentence2")) {
                String s1 = jsonString(object.get("sentence1"), "sentence1", line);
                String s2 = jsonString(object.get("sentence2"), "sentence2", line);
                sentences.add(new TextLine(s1, line));
                sentences.add(new TextLine(s2, line));
                pairs.add(new PairRow(line, s1, s2, null, null, value, scoreKind));
            } else if (object.containsKey("i") || object.containsKey("j")) {
                if (value == null) {
                    throw new InvalidInputException("Line " + line + ": a pair by index needs a \"label\".")
                            .with("line", line);
                }
                pairs.add(new PairRow(line, null, null, jsonIndex(object.get("i"), "i", line),
                        jsonIndex(object.get("j"), "j", line), value, scoreKind));
            } else if (object.containsKey("text") || object.containsKey("sentence")) {
                Object t = object.containsKey("text") ? object.get("text") : object.get("sentence");
                sentences.add(new TextLine(jsonString(t, object.containsKey("text") ? "text" : "sentence", line),
                        line));
            } else {
                throw new InvalidInputException("Line " + line + " has keys " + object.keySet()
                        + "; expected \"text\", or \"sentence1\" and \"sentence2\" (with \"label\" or \"score\").")
                        .with("line", line);
            }
        }
        return new ParsedUpload(sentences, pairs);
    }

    private static String jsonString(Object value, String key, int line) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new InvalidInputException("Line " + line + ": \"" + key + "\" must be a non-empty string.")
                    .with("line", line);
        }
        return s.strip();
    }

    private static int jsonIndex(Object value, String key, int line) {
        if (value instanceof Integer || value instanceof Long) {
            long index = ((Number) value).longValue();
            if (index >= 0 && index <= Integer.MAX_VALUE) return (int) index;
        }
        throw new InvalidInputException("Line " + line + ": \"" + key + "\" must be a sentence index.")
                .with("line", line);
    }

    private static String jsonValue(Object value, int line) {
        if (value instanceof Number || value instanceof String) return value.toString();
        throw new InvalidInputException("Line " + line + ": the label " + value + " is not one of 1, 0 or -1.")
                .with("line", line);
    }
}
