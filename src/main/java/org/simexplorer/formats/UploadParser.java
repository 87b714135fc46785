package org.simexplorer.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        String text = decodeUtf8(bytes);
        ParsedUpload parsed = switch (format) {
            case TXT -> new ParsedUpload(textLines(text), List.of());
            case CSV -> TableParser.parse(text, ',', true);
            case TSV -> TableParser.parse(text, '\t', false);
            case JSONL -> JsonlParser.parse(text);
        };
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
        List<TextLine> sentences = new ArrayList<>();
        // Line ends as CSV and editors count them (CRLF, LF, CR), so that line numbers agree across formats.
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String sentence = lines[k].strip();
            if (!StorableText.storable(sentence)) throw StorableText.refusedAtLine(k + 1);
            if (!sentence.isEmpty()) sentences.add(new TextLine(sentence, k + 1));
        }
        return sentences;
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
        decoder.flush(out);
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

    /** A 400 that names the line. */
    static DomainException atLine(int line, String problem) {
        return new InvalidInputException("Line " + line + problem).with("line", line);
    }
}
