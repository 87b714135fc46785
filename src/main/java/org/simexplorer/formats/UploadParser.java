package org.simexplorer.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;

/**
 * Reads uploaded sentence and pair files. Every error is a 400 problem detail whose {@code line} property names
 * the offending line (1-based), so a user can fix the file. Accepted layouts:
 * <ul>
 * <li>.txt: one sentence per line, stripped of surrounding whitespace; blank lines are ignored. This is the
 * one place where text is changed on the way in: every other format keeps each sentence exactly as written.</li>
 * <li>.csv (RFC 4180 quoting) and .tsv (tab-separated, no quoting) with a header row: a column {@code sentence}
 * or {@code text}; or pair columns {@code sentence1,sentence2} with an optional {@code label} or {@code score};
 * or index columns {@code i,j,label} (label import only). Other columns are ignored.</li>
 * <li>.jsonl: one object per line, {@code {"text"}}, {@code {"sentence1","sentence2"[,"label"|"score"]}} or
 * {@code {"i","j","label"}}.</li>
 * </ul>
 */
public final class UploadParser {

    private UploadParser() {
    }

    public static ParsedUpload parse(byte[] bytes, UploadFormat format) {
        return parse(new ByteArrayInputStream(bytes), format);
    }

    /**
     * Reads a file as it streams in, a buffer at a time: only the parsed sentences and pairs are kept, never a
     * copy of the whole file. The stream is closed.
     */
    public static ParsedUpload parse(InputStream in, UploadFormat format) {
        try (Reader reader = new Utf8Reader(in)) {
            return storable(switch (format) {
                case TXT -> new ParsedUpload(textLines(new LineSource(reader, true)), List.of());
                case CSV -> TableParser.parse(reader, ',', true);
                case TSV -> TableParser.parse(reader, '\t', false);
                case JSONL -> JsonlParser.parse(new LineSource(reader, false));
            });
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("The upload could not be read: " + e.getMessage());
        }
    }

    /** Refuses text that PostgreSQL cannot store (U+0000) on every database alike, naming the line. */
    private static ParsedUpload storable(ParsedUpload parsed) {
        for (TextLine sentence : parsed.sentences()) {
            if (!StorableText.storable(sentence.text())) throw StorableText.refusedAtLine(sentence.line());
        }
        for (PairRow pair : parsed.pairs()) {
            if (!StorableText.storable(pair.sentence1()) || !StorableText.storable(pair.sentence2())) {
                throw StorableText.refusedAtLine(pair.line());
            }
        }
        return parsed;
    }

    /** Plain text, pasted or uploaded: one sentence per non-blank line, stripped, with its line number. */
    public static List<TextLine> textLines(String text) {
        return textLines(new LineSource(new StringReader(text), true));
    }

    private static List<TextLine> textLines(LineSource lines) {
        List<TextLine> sentences = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            String sentence = line.strip();
            if (!StorableText.storable(sentence)) throw StorableText.refusedAtLine(lines.number());
            if (!sentence.isEmpty()) sentences.add(new TextLine(sentence, lines.number()));
        }
        return sentences;
    }

    /** A 400 that names the line. */
    static DomainException atLine(int line, String problem) {
        return new InvalidInputException("Line " + line + problem).with("line", line);
    }
}
