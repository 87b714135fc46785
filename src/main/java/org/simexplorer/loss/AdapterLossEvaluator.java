package org.simexplorer.loss;

import java.util.List;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.similarity.MatrixProduct;

/**
 * A loss on the embeddings seen through an adapter W (D × K): each row e becomes e·W, and the loss is taken on
 * E·W exactly as on E (the cosine losses normalise the rows of E·W, seed-sigmoid-bce uses their raw dot
 * products). Only the m rows the labelled pairs touch are multiplied. With Y = E·W and G = ∂L/∂Y from
 * {@link SparsePairLossEvaluator}: ∂L/∂W = Eᵀ·G and ∂L/∂E = G·Wᵀ. All three products run on
 * {@link MatrixProduct}'s fast route. Safe for concurrent use.
 */
public class AdapterLossEvaluator {

    private final MatrixProduct product;
    private final SparsePairLossEvaluator sparse;

    public AdapterLossEvaluator(MatrixProduct product) {
        this.product = product;
        this.sparse = new SparsePairLossEvaluator(product);
    }

    /**
     * @throws InvalidInputException              when W does not have one row per embedding dimension, or rows of
     *                                            unequal length, or a value that is not finite
     * @throws org.simexplorer.errors.UndefinedException when nothing is labelled or the loss is undefined here
     */
    public AdapterLossResult evaluate(float[][] embeddings, float[][] adapter, LabelledPairs pairs, PairLoss loss,
                                      LossParameters params, boolean embeddingGradient) {
        return evaluate(prepare(embeddings, pairs), adapter, loss, params, embeddingGradient);
    }

    /** The touched rows gathered once, for a training loop that takes the loss many times on the same pairs. */
    public AdapterPairs prepare(float[][] embeddings, LabelledPairs pairs) {
        return AdapterPairs.of(embeddings, pairs);
    }

    /** As {@link #evaluate(float[][], float[][], LabelledPairs, PairLoss, LossParameters, boolean)}, on prepared pairs. */
    public AdapterLossResult evaluate(AdapterPairs prepared, float[][] adapter, PairLoss loss, LossParameters params,
                                      boolean embeddingGradient) {
        LossResult result = run(prepared, adapter, loss, params, true, embeddingGradient, false);
        return new AdapterLossResult(result.value(), result.adapterGradient(), result.gradient());
    }

    /**
     * The whole answer of {@code POST /api/loss} with an adapter: value, ∂L/∂W, ∂L/∂E through W when
     * {@code gradient}, and each pair's share of the value with its cosine in E·W when {@code contributions}.
     */
    public LossResult evaluateInDetail(float[][] embeddings, float[][] adapter, LabelledPairs pairs, PairLoss loss,
                                       LossParameters params, boolean gradient, boolean contributions) {
        return run(prepare(embeddings, pairs), adapter, loss, params, gradient, gradient, contributions);
    }

    private LossResult run(AdapterPairs prepared, float[][] adapter, PairLoss loss, LossParameters params,
                           boolean adapterGradient, boolean embeddingGradient, boolean contributions) {
        int d = prepared.dimension();
        int k = checkShape(adapter, d);
        int m = prepared.touched().length;
        float[] w = flatten(adapter, d, k);
        float[] y = product.timesTransposed(prepared.gathered(), m, transpose(w, d, k), k, d);
        boolean gradient = adapterGradient || embeddingGradient;
        LossResult onY = sparse.evaluate(rows(y, m, k), prepared.pairs(), loss, params, gradient, contributions);
        float[] g = gradient ? flatten(onY.gradient(), m, k) : null;
        float[][] dW = null;
        if (adapterGradient) {
            // ∂L/∂W = Eᵀ·G: the product's A·Bᵀ form with A = Eᵀ (D × m) and B = Gᵀ (K × m).
            dW = rows(product.timesTransposed(prepared.gatheredTransposed(), d, transpose(g, m, k), k, m), d, k);
        }
        float[][] dE = null;
        if (embeddingGradient) {
            // ∂L/∂E = G·Wᵀ: the product's A·Bᵀ form with A = G (m × K) and B = W (D × K).
            float[] touchedRows = product.timesTransposed(g, m, w, d, k);
            dE = new float[prepared.rows()][d];
            for (int r = 0; r < m; r++) System.arraycopy(touchedRows, r * d, dE[prepared.touched()[r]], 0, d);
        }
        List<PairContribution> shares = onY.pairContributions() == null ? null : onY.pairContributions().stream()
                .map(c -> new PairContribution(prepared.touched()[c.i()], prepared.touched()[c.j()], c.label(),
                        c.similarity(), c.contribution()))
                .toList();
        return new LossResult(loss.id(), onY.value(), onY.labelledPairs(), onY.params(), dE, shares, dW);
    }

    /** E·W for every row, on the fast product. */
    public float[][] apply(float[][] embeddings, float[][] adapter) {
        int n = embeddings.length;
        int d = adapter.length;
        int k = checkShape(adapter, d);
        float[] e = new float[Math.multiplyExact(n, d)];
        for (int r = 0; r < n; r++) {
            if (embeddings[r].length != d) {
                throw new InvalidInputException("adapter", "'adapter' has " + d + " rows but the embeddings have "
                        + embeddings[r].length + " dimensions; W must be D × K with D = " + embeddings[r].length + ".");
            }
            System.arraycopy(embeddings[r], 0, e, r * d, d);
        }
        return rows(product.timesTransposed(e, n, transpose(flatten(adapter, d, k), d, k), k, d), n, k);
    }

    /** @return K, the adapter's output dimension */
    private static int checkShape(float[][] adapter, int d) {
        if (adapter == null || adapter.length == 0) {
            throw new InvalidInputException("adapter", "'adapter' is empty; it must be a D × K matrix with D = " + d + ".");
        }
        if (adapter.length != d) {
            throw new InvalidInputException("adapter", "'adapter' has " + adapter.length + " rows but the embeddings have "
                    + d + " dimensions; W must be D × K with D = " + d + ".").with("expectedRows", d);
        }
        int k = adapter[0].length;
        if (k == 0) throw new InvalidInputException("adapter", "adapter[0] is empty; K must be at least 1.");
        for (int r = 0; r < d; r++) {
            if (adapter[r].length != k) {
                throw new InvalidInputException("adapter", "adapter[" + r + "] has " + adapter[r].length
                        + " values but adapter[0] has " + k + "; every row of W must have K values.").with("row", r);
            }
            for (float v : adapter[r]) {
                if (!Float.isFinite(v)) {
                    throw new InvalidInputException("adapter", "adapter[" + r + "] holds " + v
                            + "; every value of W must be finite.").with("row", r);
                }
            }
        }
        return k;
    }

    static float[] flatten(float[][] rows, int n, int k) {
        float[] flat = new float[Math.multiplyExact(n, k)];
        for (int r = 0; r < n; r++) System.arraycopy(rows[r], 0, flat, r * k, k);
        return flat;
    }

    static float[] transpose(float[] a, int n, int k) {
        float[] t = new float[a.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) t[c * n + r] = a[r * k + c];
        }
        return t;
    }

    private static float[][] rows(float[] flat, int n, int k) {
        float[][] rows = new float[n][k];
        for (int r = 0; r < n; r++) System.arraycopy(flat, r * k, rows[r], 0, k);
        return rows;
    }
}
