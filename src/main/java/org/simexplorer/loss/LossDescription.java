package org.simexplorer.loss;

import java.util.List;

/**
 * One entry of {@code GET /api/losses}.
 *
 * @param scores            what the loss reads: "cosine" (S = X Xᵀ) or "raw dot products" (E Eᵀ)
 * @param pairContributions whether {@code POST /api/loss} reports per-pair contributions for it
 */
public record LossDescription(String id, String formula, List<Parameter> parameters, String scores,
                              boolean pairContributions) {

    public record Parameter(String name, double defaultValue, String description) {
    }

    static LossDescription of(PairLoss loss) {
        return new LossDescription(loss.id(), loss.formula(),
                loss.parameters().stream().map(p -> new Parameter(p.name(), p.defaultValue(), p.description())).toList(),
                loss.usesRawDotProducts() ? "raw dot products" : "cosine",
                loss.hasPairContributions());
    }
}
