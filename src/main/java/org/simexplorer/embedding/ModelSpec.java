package org.simexplorer.embedding;

import java.nio.file.Path;
import java.util.List;

/**
 * A catalogue entry.
 *
 * @param id             the id clients use
 * @param pooling        how token vectors become one sentence vector
 * @param maxTokens      longer input is truncated to this many tokens, special tokens included
 * @param dimension      length of the sentence vector
 * @param languages      ISO codes of the languages it was trained for
 * @param tokenTypes     whether the graph takes a token_type_ids input (BERT exports do)
 * @param source         where its model.onnx and tokenizer.json come from
 */
public record ModelSpec(String id, Pooling pooling, int maxTokens, int dimension, List<String> languages,
        boolean tokenTypes, Source source) {

    /** Files of a model: either classpath resources in a Maven carrier jar, or a folder on disk. */
    public sealed interface Source permits Classpath, Folder {
    }

    /** Resources {@code <prefix>.onnx} and {@code <prefix>-tokenizer.json}, as langchain4j's carrier jars name them. */
    public record Classpath(String prefix) implements Source {
        public String onnxResource() {
            return prefix + ".onnx";
        }

        public String tokenizerResource() {
            return prefix + "-tokenizer.json";
        }
    }

    /** A user's folder holding model.onnx and tokenizer.json. */
    public record Folder(Path dir) implements Source {
    }
}
