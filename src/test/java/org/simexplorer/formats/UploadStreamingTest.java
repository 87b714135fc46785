package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.simexplorer.errors.InvalidInputException;

/**
 * Uploads are parsed as they stream in: a file of 200,000 lines, made up while it is read, is never held whole,
 * and a bad line far into a long file is refused after reading only up to it.
 */
class UploadStreamingTest {

    /** Lines "<prefix>k ünïcode" (as JSON objects for an empty prefix) made up as they are read; a malformed UTF-8 byte on line {@code badLine} (0: none). */
    private static final class GeneratedFile extends InputStream {
        private final String header;
        private final int lines;
        private final int badLine;
        private final String prefix;
        private final boolean json;
        private byte[] current = new byte[0];
        private int offset;
        private int line;
        long read;

        GeneratedFile(String header, String prefix, int lines, int badLine) {
            this.header = header;
            this.prefix = prefix;
            this.lines = lines;
            this.badLine = badLine;
            this.json = prefix.isEmpty();
        }

        @Override
        public int read() {
            if (offset == current.length) {
                if (line == lines) return -1;
                line++;
                String sentence = prefix + line + " ünïcode";
                String text = line == 1 && header != null ? header + "\n"
                        : json ? "{\"text\": \"" + sentence + "\"}\n" : sentence + "\n";
                current = text.getBytes(StandardCharsets.UTF_8);
                if (line == badLine) current[0] = (byte) 0xFF;
                offset = 0;
            }
            read++;
            return current[offset++] & 0xFF;
        }
    }

    @Test
    void twoHundredThousandLinesAreReadAsTheyCome() {
        GeneratedFile txt = new GeneratedFile(null, "Sentence ", 200_000, 0);
        ParsedUpload parsed = UploadParser.parse(txt, UploadFormat.TXT);
        assertThat(parsed.sentences()).hasSize(200_000);
        assertThat(parsed.sentences().get(199_999)).isEqualTo(new TextLine("Sentence 200000 ünïcode", 200_000));

        GeneratedFile csv = new GeneratedFile("sentence", "Row ", 200_000, 0);
        ParsedUpload rows = UploadParser.parse(csv, UploadFormat.CSV);
        assertThat(rows.sentences()).hasSize(199_999);
        assertThat(rows.sentences().get(0)).isEqualTo(new TextLine("Row 2 ünïcode", 2));
    }

    @Test
    void aBadByteFarIntoALongFileStopsTheReadingThere() {
        for (UploadFormat format : new UploadFormat[] {UploadFormat.TXT, UploadFormat.CSV, UploadFormat.JSONL}) {
            GeneratedFile file = new GeneratedFile(format == UploadFormat.CSV ? "text" : null,
                    format == UploadFormat.JSONL ? "" : "Line ", 1_000_000, 5_000);
            assertThatThrownBy(() -> UploadParser.parse(file, format))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Line 5000 is not valid UTF-8")
                    .satisfies(e -> assertThat(((InvalidInputException) e).properties()).containsEntry("line", 5000));
            assertThat(file.read).as(format + ": bytes read of about 20 MB").isLessThan(200_000);
        }
    }
}
