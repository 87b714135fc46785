package org.simexplorer.embedding;

import java.util.List;

/**
 * Unit-length sentence vectors in input order.
 *
 * @param model     the catalogue id of the model that produced them
 * @param vectors   one L2-normalised row per sentence
 * @param truncated indices of the sentences cut to the model's token limit
 */
public record Embeddings(String model, float[][] vectors, List<Integer> truncated) {

    public int dimension() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }
}
