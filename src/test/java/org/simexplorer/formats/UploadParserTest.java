package org.simexplorer.formats;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.formats.ParsedUpload;
import org.simexplorer.formats.TextLine;

class UploadParserTest {

    private static ParsedUpload parse(String text, UploadFormat format) {
        return UploadParser.parse(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private static List<String> texts(ParsedUpload upload) {
        return upload.sentences().stream().map(TextLine::text).toList();
    }

    /** Asserts a 400 whose problem names the given line. */
    private static void assertBadLine(Runnable parse, int line, String messagePart) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e).isInstanceOf(InvalidInputException.class);
            assertThat(e.properties()).containsEntry("line", line);
            assertThat(e.getMessage()).contains("Line " + line).containsIgnoringCase(messagePart);
        });
    }

    @Test
    void txtIsOneSentencePerLineSkippingBlankLines() {
        ParsedUpload upload = parse("\uFEFFA cat sleeps.\r\n\n  猫在睡觉。  \nDogs bark.", UploadFormat.TXT);
        assertThat(texts(upload)).containsExactly("A cat sleeps.", "猫在睡觉。", "Dogs bark.");
        assertThat(upload.sentences().get(1).line()).isEqualTo(3);
        assertThat(upload.pairs()).isEmpty();
    }

    @Test
    void csvWithSentenceColumnAndQuotedFields() {
        String csv = "id,sentence\n1,\"Hello, world\"\n2,\"She said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n";
        ParsedUpload upload = parse(csv, UploadFormat.CSV);
        assertThat(texts(upload)).containsExactly("Hello, world", "She said \"hi\"", "two\nlines", "plain");
        // The record after a multi-line field starts on the right line.
        assertThat(upload.sentences().get(3).line()).isEqualTo(6);
    }

    @Test
    void csvTextColumnIsAccepted() {
        assertThat(texts(parse("text\nalpha\nbeta\n", UploadFormat.CSV))).containsExactly("alpha", "beta");
    }

    @Test
    void csvPairColumnsGiveSentencesAndPairs() {
        ParsedUpload upload = parse("sentence1,sentence2,label\nA man eats.,A person eats.,1\nA man eats.,"
                + "It rains.,0\n", UploadFormat.CSV);
        assertThat(texts(upload)).containsExactly("A man eats.", "A person eats.", "A man eats.", "It rains.");
        assertThat(upload.pairs()).hasSize(2);
        assertThat(upload.pairs().get(0).plusMinusLabel(2.5)).isEqualTo(1);
        assertThat(upload.pairs().get(1).plusMinusLabel(2.5)).isEqualTo(-1);
        assertThat(upload.pairs().get(1).line()).isEqualTo(3);
    }

    @Test
    void scoresMapThroughTheThreshold() {
        ParsedUpload upload = parse("sentence1\tsentence2\tscore\na\tb\t4.2\nc\td\t2.5\ne\tf\t0.4\n",
                UploadFormat.TSV);
        assertThat(upload.pairs()).extracting(p -> p.plusMinusLabel(2.5)).containsExactly(1, 1, -1);
        assertThat(upload.pairs()).extracting(p -> p.plusMinusLabel(4.5)).containsExactly(-1, -1, -1);
    }

    @Test
    void tsvKeepsQuotesAsText() {
        assertThat(texts(parse("sentence\nShe said \"hi\"\n", UploadFormat.TSV))).containsExactly("She said \"hi\"");
    }

    @Test
    void plusMinusOneLabelsAreAccepted() {
        ParsedUpload upload = parse("sentence1,sentence2,label\na,b,-1\nc,d,+1\ne,f,1.0\n", UploadFormat.CSV);
        assertThat(upload.pairs()).extracting(p -> p.plusMinusLabel(2.5)).containsExactly(-1, 1, 1);
    }

    @Test
    void indexColumns() {
        ParsedUpload upload = parse("i,j,label\n0,3,1\n2,1,0\n", UploadFormat.CSV);
        assertThat(upload.pairs()).allMatch(PairRow::byIndex);
        assertThat(upload.pairs().get(1).i()).isEqualTo(2);
        assertThat(upload.sentences()).isEmpty();
    }

    @Test
    void jsonlTextsAndPairs() {
        ParsedUpload texts = parse("{\"text\":\"one\"}\n\n{\"text\":\"two\"}\n", UploadFormat.JSONL);
        assertThat(texts(texts)).containsExactly("one", "two");
        assertThat(texts.sentences().get(1).line()).isEqualTo(3);
        ParsedUpload pairs = parse("{\"sentence1\":\"a\",\"sentence2\":\"b\",\"label\":1}\n"
                + "{\"sentence1\":\"a\",\"sentence2\":\"c\",\"label\":\"0\"}\n"
                + "{\"sentence1\":\"b\",\"sentence2\":\"c\",\"score\":3.1}\n", UploadFormat.JSONL);
        assertThat(pairs.pairs()).extracting(p -> p.plusMinusLabel(2.5)).containsExactly(1, -1, 1);
    }

    @Test
    void wrongColumnsNameTheHeaderLine() {
        assertBadLine(() -> parse("\nfoo,bar\n1,2\n", UploadFormat.CSV), 2, "expected columns");
    }

    @Test
    void wrongNumberOfFieldsNamesTheLine() {
        assertBadLine(() -> parse("sentence1,sentence2,label\na,b,1\nc,d\n", UploadFormat.CSV), 3, "columns");
    }

    @Test
    void invalidUtf8NamesTheLine() {
        byte[] bytes = {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\n', 'b', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
        assertBadLine(() -> UploadParser.parse(bytes, UploadFormat.TXT), 3, "UTF-8");
        byte[] truncated = {'s', 'e', 'n', 't', 'e', 'n', 'c', 'e', '\n', 'a', (byte) 0xE4, (byte) 0xBD};
        assertBadLine(() -> UploadParser.parse(truncated, UploadFormat.CSV), 2, "UTF-8");
    }

    @Test
    void unknownLabelValueNamesTheLine() {
        ParsedUpload upload = parse("sentence1,sentence2,label\na,b,1\nc,d,yes\n", UploadFormat.CSV);
        upload.pairs().get(0).plusMinusLabel(2.5);
        assertBadLine(() -> upload.pairs().get(1).plusMinusLabel(2.5), 3, "label 'yes'");
        ParsedUpload graded = parse("sentence1,sentence2,label\na,b,3.8\n", UploadFormat.CSV);
        assertBadLine(() -> graded.pairs().get(0).plusMinusLabel(2.5), 2, "score");
        assertBadLine(() -> parse("{\"sentence1\":\"a\",\"sentence2\":\"b\",\"label\":true}\n",
                UploadFormat.JSONL), 1, "label");
    }

    @Test
    void badJsonlNamesTheLine() {
        assertBadLine(() -> parse("{\"text\":\"a\"}\n{\"text\": \n", UploadFormat.JSONL), 2, "JSON");
        assertBadLine(() -> parse("{\"text\":\"a\"}\n{\"other\":1}\n", UploadFormat.JSONL), 2, "keys");
        assertBadLine(() -> parse("{\"text\":5}\n", UploadFormat.JSONL), 1, "non-empty string");
    }

    @Test
    void unclosedQuoteNamesWhereTheRecordStarts() {
        assertBadLine(() -> parse("sentence\nok\n\"never closed\nstill\n", UploadFormat.CSV), 3, "never closed");
    }

    @Test
    void formatFromFilename() {
        assertThat(UploadFormat.fromFilename("pairs.TSV")).isEqualTo(UploadFormat.TSV);
        assertThat(UploadFormat.fromFilename("x.ndjson")).isEqualTo(UploadFormat.JSONL);
        assertThatThrownBy(() -> UploadFormat.fromFilename("x.xlsx")).isInstanceOf(DomainException.class);
    }
}
