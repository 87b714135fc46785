package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.ErrorStatus;

/**
 * The upload parser on 10,000 generated files: each is either parsed (and every pair's label read) or refused
 * with a 400 whose {@code line} names a line of the file. Nothing else may escape: an unchecked exception would
 * be a 500. The inputs mix raw bytes, CSV/TSV token soup built from the parser's own vocabulary (quotes,
 * delimiters, line ends, header names, odd numbers) and JSONL objects with random keys and values.
 */
class UploadParserProperties {

    @Property(tries = 10_000, seed = "20261201")
    void everyFileIsParsedOrRefusedNamingALine(@ForAll("files") byte[] file, @ForAll UploadFormat format) {
        int lines = lineCount(file);
        try {
            ParsedUpload parsed = UploadParser.parse(file, format);
            for (TextLine sentence : parsed.sentences()) {
                assertThat(sentence.text()).isNotBlank();
                assertThat(sentence.line()).isBetween(1, lines);
            }
            for (PairRow pair : parsed.pairs()) {
                assertThat(pair.line()).isBetween(1, lines);
                if (pair.hasValue()) {
                    try {
                        assertThat(pair.plusMinusLabel(2.5)).isIn(-1, 1);
                    } catch (DomainException refused) {
                        assertNamesALine(refused, lines);
                    }
                }
            }
        } catch (DomainException refused) {
            assertNamesALine(refused, lines);
        }
    }

    private static void assertNamesALine(DomainException refused, int lines) {
        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(ErrorStatus.of(refused)).isEqualTo(400);
        assertThat(refused.properties().get("line")).as(refused.getMessage()).isInstanceOf(Integer.class);
        int line = (Integer) refused.properties().get("line");
        assertThat(line).as(refused.getMessage()).isBetween(1, lines);
        assertThat(refused.getMessage()).contains("Line " + line);
    }

    /** Lines as an editor counts them: one more than the line feeds (a lone \r ends a line in CSV too). */
    private static int lineCount(byte[] file) {
        int lines = 1;
        for (int k = 0; k < file.length; k++) {
            if (file[k] == '\n' || (file[k] == '\r' && (k + 1 == file.length || file[k + 1] != '\n'))) lines++;
        }
        return lines;
    }

    @Provide
    Arbitrary<byte[]> files() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, rawBytes()),
                net.jqwik.api.Tuple.of(5, tokenSoup().map(UploadParserProperties::utf8)),
                net.jqwik.api.Tuple.of(3, jsonl().map(UploadParserProperties::utf8)));
    }

    private static Arbitrary<byte[]> rawBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    /** Headers and rows from the words the parser reacts to, so most inputs get past the first check. */
    private static Arbitrary<String> tokenSoup() {
        Arbitrary<String> header = Arbitraries.of("sentence1,sentence2,label", "sentence1,sentence2,score",
                "i,j,label", "i,j", "sentence", "text", "sentence1\tsentence2\tlabel", "i\tj\tlabel",
                "sentence1,sentence2,label,score", "Sentence1, SENTENCE2 ,Label", "", "\uFEFFtext", "a,b");
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(",", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ", "1", "0", "-1", "2", "4.5", "NaN",
                        "Infinity", "1e999", "-0", "99999999999", "2147483648", "-2147483649", "x", "é", "猫", "{",
                        "}", "\u2028", "\u0000", "label", "score", "true"),
                Arbitraries.strings().alpha().numeric().withChars(" .'").ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> body = token.list().ofMaxSize(40).map(parts -> String.join("", parts));
        return Combinators.combine(header, Arbitraries.of("\n", "\r\n"), body).as((h, end, b) -> h + end + b);
    }

    /** JSONL lines: objects with the parser's keys and values of every JSON type, plus broken lines. */
    private static Arbitrary<String> jsonl() {
        Arbitrary<String> key = Arbitraries.of("text", "sentence", "sentence1", "sentence2", "i", "j", "label",
                "score", "other");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("1", "0", "-1", "2", "0.5", "1e400", "-5", "null", "true", "[]", "{}", "\"\"", "\" \"",
                        "\"1\"", "\"yes\"", "3000000000", "-1.0"),
                Arbitraries.strings().alpha().ofMaxLength(10).map(s -> "\"" + s + "\""));
        Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(4).map(m -> "{" + String.join(",", m) + "}");
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, object),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "  ", "{", "[1,2]", "\"text\"", "{\"text\":\"a\"",
                        "null", "{\"text\":\"a\"} trailing")));
        return line.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("\n", l));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 1)
    void theGeneratorsReachEveryFormatAndBothOutcomes() {
        // A guard on the generator itself: a share of the token soup must parse and a share must be refused.
        List<String> samples = tokenSoup().sampleStream().limit(500).toList();
        long parsed = samples.stream().filter(s -> {
            try {
                UploadParser.parse(utf8(s), UploadFormat.CSV);
                return true;
            } catch (DomainException e) {
                return false;
            }
        }).count();
        assertThat(parsed).isBetween(25L, 475L);
    }
}
