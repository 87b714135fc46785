package org.simexplorer.api;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/loss}. Lists stay raw so that a wrong type is reported, not coerced.
 *
 * @param pairContributions false to leave the per-pair list out (it has n(n−1)/2 entries when fully labelled)
 * @param adapter           optional W (D×K): the loss is then taken on E·W
 */
record LossRequest(String loss, Map<String, Object> params, Boolean gradient,
                   List<Object> embeddings, List<Object> sentences, String model,
                   List<Object> target, List<Object> pairs, Boolean pairContributions, List<Object> adapter) {
}
