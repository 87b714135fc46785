package org.simexplorer.loss;

import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import java.util.List;
import java.util.Map;
import org.simexplorer.embedding.EmbeddingInput;
import org.simexplorer.embedding.SentenceEmbedder;
import org.simexplorer.embedding.SentenceInput;
import org.simexplorer.system.RequestLimits;
import org.springframework.stereotype.Service;

/** Evaluates pair losses for the API and for other features (datasets call {@link #evaluate(float[][], List, String, Map, boolean, boolean)}). */
@Service
public class LossService {

    private final PairLossRegistry registry;
    private final SparsePairLossEvaluator evaluator;
    private final AdapterLossEvaluator adapters;
    private final RequestLimits limits;
    private final SentenceEmbedder embedder;

    LossService(PairLossRegistry registry, SparsePairLossEvaluator evaluator, AdapterLossEvaluator adapters,
                RequestLimits limits, SentenceEmbedder embedder) {
        this.registry = registry;
        this.evaluator = evaluator;
        this.adapters = adapters;
        this.limits = limits;
        this.embedder = embedder;
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

    LossResult evaluate(LossRequest request) {
        PairLoss loss = registry.find(request.loss());
        LossParameters params = LossParameters.resolve(loss, request.params());
        float[][] embeddings = embeddingsOf(request);
        LabelledPairs pairs = targetOf(request, embeddings.length).toLabelledPairs();
        boolean gradient = Boolean.TRUE.equals(request.gradient());
        boolean contributions = !Boolean.FALSE.equals(request.pairContributions());
        if (request.adapter() == null) {
            return evaluator.evaluate(embeddings, pairs, loss, params, gradient, contributions);
        }
        float[][] adapter = EmbeddingInput.matrix(request.adapter(), "adapter");
        return adapters.evaluateInDetail(embeddings, adapter, pairs, loss, params, gradient, contributions);
    }

    private float[][] embeddingsOf(LossRequest request) {
        if (request.embeddings() != null && request.sentences() != null) {
            throw new InvalidInputException("Give the input as either 'embeddings' or 'sentences', not both.");
        }
        if (request.embeddings() != null) {
            if (request.model() != null) {
                throw new InvalidInputException("'model' applies only to 'sentences'; 'embeddings' are used as given.");
            }
            return EmbeddingInput.validate(request.embeddings(), limits);
        }
        if (request.sentences() == null) {
            throw new InvalidInputException("The input is missing: give 'embeddings' (an N×D matrix) or 'sentences' "
                    + "(a list of strings, with an optional 'model').");
        }
        List<String> sentences = SentenceInput.validate(request.sentences(), limits);
        return embedder.embed(sentences, request.model()).vectors();
    }

    private static PairTarget targetOf(LossRequest request, int n) {
        if (request.target() != null && request.pairs() != null) {
            throw new InvalidInputException("Give the labels as either 'target' or 'pairs', not both.");
        }
        if (request.target() != null) {
            return PairTarget.fromMatrix(request.target(), n);
        }
        if (request.pairs() != null) {
            return PairTarget.fromPairs(request.pairs(), n);
        }
        throw new InvalidInputException("The labels are missing: give 'target' (an N×N matrix of -1, 0, 1) or "
                + "'pairs' (a list of {\"i\", \"j\", \"label\"}).");
    }
}
