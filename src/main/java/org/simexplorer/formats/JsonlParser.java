package org.simexplorer.formats;

import static org.simexplorer.formats.UploadParser.atLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one object per line, read with Jackson; strings are kept exactly as written. */
final class JsonlParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonlParser() {
    }

    static ParsedUpload parse(LineSource lines) {
        List<TextLine> sentences = new ArrayList<>();
        List<PairRow> pairs = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            String raw = line.strip();
            if (!raw.isEmpty()) read(object(raw, lines.number()), lines.number(), sentences, pairs);
        }
        return new ParsedUpload(sentences, pairs);
    }

    private static Map<?, ?> object(String raw, int line) {
        Map<?, ?> object;
        try {
            object = JSON.readValue(raw, Map.class);
        } catch (JacksonException e) {
            throw atLine(line, " is not a JSON object: " + e.getOriginalMessage());
        }
        // A line "null" parses to no object at all.
        if (object == null) throw atLine(line, " is null, not a JSON object.");
        return object;
    }

    private static void read(Map<?, ?> object, int line, List<TextLine> sentences, List<PairRow> pairs) {
        if (object.containsKey("label") && object.containsKey("score")) {
            throw atLine(line, ": give either \"label\" or \"score\", not both.");
        }
        Object valueObject = object.containsKey("label") ? object.get("label") : object.get("score");
        String value = valueObject == null ? null : value(valueObject, line);
        boolean scoreKind = !object.containsKey("label") && object.containsKey("score");
        if (object.containsKey("sentence1") || object.containsKey("sentence2")) {
            String s1 = string(object.get("sentence1"), "sentence1", line);
            String s2 = string(object.get("sentence2"), "sentence2", line);
            sentences.add(new TextLine(s1, line));
            sentences.add(new TextLine(s2, line));
            pairs.add(new PairRow(line, s1, s2, null, null, value, scoreKind));
        } else if (object.containsKey("i") || object.containsKey("j")) {
            if (value == null) {
                throw atLine(line, ": a pair by index needs a \"label\".");
            }
            pairs.add(new PairRow(line, null, null, index(object.get("i"), "i", line),
                    index(object.get("j"), "j", line), value, scoreKind));
        } else if (object.containsKey("text") || object.containsKey("sentence")) {
            String key = object.containsKey("text") ? "text" : "sentence";
            sentences.add(new TextLine(string(object.get(key), key, line), line));
        } else {
            throw atLine(line, " has keys " + object.keySet()
                    + "; expected \"text\", or \"sentence1\" and \"sentence2\" (with \"label\" or \"score\").");
        }
    }

    private static String string(Object value, String key, int line) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw atLine(line, ": \"" + key + "\" must be a non-empty string.");
        }
        return s;
    }

    private static int index(Object value, String key, int line) {
        if (value instanceof Integer || value instanceof Long) {
            long index = ((Number) value).longValue();
            if (index >= 0 && index <= Integer.MAX_VALUE) return (int) index;
        }
        throw atLine(line, ": \"" + key + "\" must be a sentence index.");
    }

    private static String value(Object value, int line) {
        if (value instanceof Number || value instanceof String) return value.toString();
        throw atLine(line, ": the label " + value + " is not one of 1, 0 or -1.");
    }
}
