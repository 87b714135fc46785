package org.simexplorer.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.simexplorer.errors.DomainException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.UndefinedException;
import org.springframework.stereotype.Service;

/** Evaluates pair losses for the API and for other features (datasets call {@link #evaluate(float[][], LabelledPairs, String, Map, boolean, boolean)}). */
@Service
public class LossService {

    private final PairLossRegistry registry;
    private final SparsePairLossEvaluator evaluator;
    private final AdapterLossEvaluator adapters;

    LossService(PairLossRegistry registry, SparsePairLossEvaluator evaluator, AdapterLossEvaluator adapters) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.adapters = adapters;
    }

    /**
     * One loss on stored embeddings and labels.
     *
     * @param params overrides of the loss's defaults by name, or null
     * @throws DomainException 404 unknown loss, 400 bad parameters, 422 undefined loss
     */
    public LossResult evaluate(float[][] embeddings, LabelledPairs pairs, String lossId, Map<String, ?> params,
                               boolean gradient, boolean pairContributions) {
        PairLoss loss = registry.find(lossId);
        LossParameters resolved = LossParameters.resolve(loss, params);
        return evaluator.evaluate(embeddings, pairs, loss, resolved, gradient, pairContributions);
    }

    /**
     * One loss's value, or why it is undefined on these labels (then value is null).
     *
     * @param params the parameters used, defaults with any overrides applied
     */
    public record LossValue(String loss, Double value, String undefinedReason, Map<String, Double> params) {
    }

    /**
     * Every loss on the same embeddings and labels, in the order of {@link #describe()}: the pairs' scores are
     * computed once and each loss reads them. A loss that is undefined here (nothing labelled, softmax-ce without a
     * usable row) gets its reason instead of a value; the call itself still succeeds.
     *
     * @param overrides parameters by loss id, then by name; absent losses use their defaults
     * @throws org.simexplorer.errors.InvalidInputException an override names an unknown loss or a bad parameter
     */
    public List<LossValue> evaluateAll(float[][] embeddings, LabelledPairs pairs,
                                       Map<String, ? extends Map<String, ?>> overrides) {
        for (String id : overrides.keySet()) {
            if (!registry.ids().contains(id)) {
                throw new InvalidInputException("parameters", "Parameters are given for an unknown loss '" + id
                        + "'. Known losses: " + String.join(", ", registry.ids()) + ".");
            }
        }
        List<LossParameters> resolved = registry.all().stream()
                .map(loss -> LossParameters.resolve(loss, overrides.get(loss.id()))).toList();
        try (PairScores scores = pairs.size() == 0 ? null : evaluator.scores(embeddings, pairs)) {
            return valuesOf(scores, pairs, resolved);
        }
    }

    private List<LossValue> valuesOf(PairScores scores, LabelledPairs pairs, List<LossParameters> resolved) {
        List<LossValue> values = new ArrayList<>();
        for (int k = 0; k < resolved.size(); k++) {
            PairLoss loss = registry.all().get(k);
            LossParameters params = resolved.get(k);
            try {
                pairs.requireAny();
                double value = evaluator.evaluate(scores, loss, params, false, false).value();
                values.add(new LossValue(loss.id(), value, null, params.asMap()));
            } catch (UndefinedException undefined) {
                values.add(new LossValue(loss.id(), null, undefined.getMessage(), params.asMap()));
            }
        }
        return values;
    }

    public List<LossDescription> describe() {
        return registry.all().stream().map(LossDescription::of).toList();
    }

    /**
     * One loss on a batch the caller has already checked.
     *
     * @throws org.simexplorer.errors.NotFoundException unknown loss
     * @throws org.simexplorer.errors.UndefinedException the loss is undefined on these labels
     */
    public LossResult evaluate(float[][] embeddings, PairTarget target, String lossId, Map<String, ?> params,
                               boolean gradient, boolean pairContributions) {
        PairLoss loss = registry.find(lossId);
        LossParameters resolved = LossParameters.resolve(loss, params);
        return evaluator.evaluate(embeddings, target.toLabelledPairs(), loss, resolved, gradient, pairContributions);
    }

    /**
     * One loss on E·W for a batch the caller has already checked: the answer adds ∂L/∂W, and its gradient is
     * ∂L/∂E through W.
     *
     * @throws org.simexplorer.errors.InvalidInputException W is not D×K for the embeddings' D
     * @throws org.simexplorer.errors.NotFoundException unknown loss
     * @throws org.simexplorer.errors.UndefinedException the loss is undefined on these labels
     */
    public LossResult evaluate(float[][] embeddings, float[][] adapter, PairTarget target, String lossId,
                               Map<String, ?> params, boolean gradient, boolean pairContributions) {
        PairLoss loss = registry.find(lossId);
        LossParameters resolved = LossParameters.resolve(loss, params);
        return adapters.evaluateInDetail(embeddings, adapter, target.toLabelledPairs(), loss, resolved, gradient,
                pairContributions);
    }
}
