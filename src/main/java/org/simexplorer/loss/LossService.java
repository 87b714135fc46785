package org.simexplorer.loss;

import java.util.List;
import java.util.Map;
import org.simexplorer.errors.DomainException;
import org.springframework.stereotype.Service;

/** Evaluates pair losses for the API and for other features (datasets call {@link #evaluate(float[][], List, String, Map, boolean, boolean)}). */
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
     * @param pairs  labelled pairs (i, j, ±1; 0 entries are ignored); checked like the API's "pairs"
     * @param params overrides of the loss's defaults by name, or null
     * @throws DomainException 404 unknown loss, 400 bad parameters or pairs, 422 undefined loss
     */
    public LossResult evaluate(float[][] embeddings, List<LabelledPair> pairs, String lossId, Map<String, ?> params,
                               boolean gradient, boolean pairContributions) {
        PairLoss loss = registry.find(lossId);
        LossParameters resolved = LossParameters.resolve(loss, params);
        return evaluator.evaluate(embeddings, LabelledPairs.of(embeddings.length, pairs), loss, resolved, gradient,
                pairContributions);
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
