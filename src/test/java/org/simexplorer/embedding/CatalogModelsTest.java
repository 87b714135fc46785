package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every catalogue model loads from its carrier jar and embeds as it did when verified. The expected cosines were
 * recorded once, on 2026-12-01, from the build whose STS-B figures are in docs/benchmarks.md (all-minilm-l6-v2
 * Spearman 86.72, bge-small-en-v1.5 88.92, bge-small-zh-v1.5 80.56); a change of pooling, tokenizer settings or
 * normalisation moves them by far more than the tolerance. This also covers CLS pooling (the bge models).
 */
// Its own context: it loads every model, which EmbeddingApiTest's context must not see.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "simexplorer.data-dir=./target/test-data/catalog-models")
class CatalogModelsTest {

    private static final List<String> ENGLISH = List.of("A man is playing a guitar.",
            "Someone plays an acoustic guitar.", "The stock market fell sharply today.");
    private static final List<String> CHINESE = List.of("一个男人在弹吉他。", "有人在弹木吉他。", "今天股市大幅下跌。");

    @Autowired
    SentenceEmbedder embedder;

    static Stream<Arguments> models() {
        // model, sentences, expected cos(0,1), cos(0,2), cos(1,2)
        return Stream.of(
                Arguments.of("all-minilm-l6-v2", ENGLISH, new double[] {0.801948, -0.054027, -0.007439}),
                Arguments.of("all-minilm-l6-v2-q", ENGLISH, new double[] {0.791467, -0.054654, -0.015116}),
                Arguments.of("bge-small-en-v1.5", ENGLISH, new double[] {0.863411, 0.352156, 0.401332}),
                Arguments.of("bge-small-zh-v1.5", CHINESE, new double[] {0.910734, 0.367227, 0.410088}));
    }

    @ParameterizedTest
    @MethodSource("models")
    void embedsAsVerified(String model, List<String> sentences, double[] expected) {
        Embeddings result = embedder.embed(sentences, model);
        float[][] v = result.vectors();
        for (float[] row : v) {
            assertThat(norm(row)).isCloseTo(1.0, within(1e-5));
        }
        double[] actual = {dot(v[0], v[1]), dot(v[0], v[2]), dot(v[1], v[2])};
        assertThat(actual[0]).as(model + " cos(0,1)").isCloseTo(expected[0], within(1e-4));
        assertThat(actual[1]).as(model + " cos(0,2)").isCloseTo(expected[1], within(1e-4));
        assertThat(actual[2]).as(model + " cos(1,2)").isCloseTo(expected[2], within(1e-4));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) sum += (double) a[k] * b[k];
        return sum;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
