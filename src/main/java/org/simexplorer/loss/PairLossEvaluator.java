package org.simexplorer.loss;

import org.simexplorer.errors.DomainException;
import java.util.ArrayList;
import java.util.List;
import org.simexplorer.similarity.CosineMatrix;
import org.simexplorer.similarity.MatrixProduct;
import org.simexplorer.similarity.NormalizedRows;

/**
 * The shared chain rule. Scores S = X Xᵀ (or E Eᵀ) on the fast product; the loss gives G = ∂L/∂S; then
 * ∂L/∂X = (G + Gᵀ) X on the fast product again, and through the row normalisation
 * X = E / max(‖e‖, ε): ∂L/∂eᵢ = (gᵢ − xᵢ (xᵢ·gᵢ)) / ‖eᵢ‖, or gᵢ / ε where the floor is active.
 */
public class PairLossEvaluator {

    private final MatrixProduct product;

    public PairLossEvaluator(MatrixProduct product) {
        this.product = product;
    }

    /**
     * @throws org.simexplorer.errors.DomainException 422 when nothing is labelled or the loss is undefined here
     */
    public LossResult evaluate(float[][] embeddings, PairTarget target, PairLoss loss, LossParameters params,
                               boolean wantGradient, boolean wantContributions) {
        int n = embeddings.length;
        if (target.size() != n) {
            throw new IllegalArgumentException("target is " + target.size() + "×" + target.size() + " for " + n + " rows");
        }
        target.requireLabelledPairs();
        int d = n == 0 ? 0 : embeddings[0].length;
        NormalizedRows normalized = CosineMatrix.normalize(embeddings);
        // The rows the scores are built from: X for cosine losses, E itself for raw dot products.
        float[] rows = new float[n * d];
        if (loss.usesRawDotProducts()) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(embeddings[i], 0, rows, i * d, d);
            }
        } else {
            normalized.rows().get(0, rows);
        }
        float[] scores = product.timesTransposed(rows, n, rows, n, d);
        float[] gradientOfScores = wantGradient ? new float[n * n] : null;
        boolean contributions = wantContributions && loss.hasPairContributions();
        double[] shares = contributions ? new double[n * n] : null;

        double value = loss.compute(scores, target, params, gradientOfScores, shares);

        float[][] gradient = wantGradient ? backward(gradientOfScores, rows, normalized, n, d, loss.usesRawDotProducts()) : null;
        List<PairContribution> pairs = contributions ? collect(shares, scores, normalized, target, loss.usesRawDotProducts()) : null;
        return new LossResult(loss.id(), value, target.labelledPairs(), params.asMap(), gradient, pairs);
    }

    private float[][] backward(float[] g, float[] rows, NormalizedRows normalized, int n, int d, boolean raw) {
        symmetrize(g, n);
        float[] rowsTransposed = new float[d * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                rowsTransposed[k * n + i] = rows[i * d + k];
            }
        }
        // (G + Gᵀ)·R = (G + Gᵀ)·(Rᵀ)ᵀ: the product's A·Bᵀ form with B = Rᵀ.
        float[] gradRows = product.timesTransposed(g, n, rowsTransposed, d, n);
        float[][] gradient = new float[n][d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            float[] out = gradient[i];
            if (raw) {
                System.arraycopy(gradRows, off, out, 0, d);
                continue;
            }
            double norm = normalized.norms()[i];
            if (norm > CosineMatrix.EPSILON) {
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    dot += (double) rows[off + k] * gradRows[off + k];
                }
                for (int k = 0; k < d; k++) {
                    out[k] = (float) ((gradRows[off + k] - rows[off + k] * dot) / norm);
                }
            } else {
                // Below the floor the divisor is the constant ε, so only the 1/ε scaling remains.
                for (int k = 0; k < d; k++) {
                    out[k] = (float) (gradRows[off + k] / CosineMatrix.EPSILON);
                }
            }
        }
        return gradient;
    }

    /**
     * G ← G + Gᵀ: S_ij and S_ji are one number, so the gradient flows through both entries. Done in
     * tiles so the transposed reads stay in cache; a tile row band per task, and no two tasks share a tile.
     */
    static void symmetrize(float[] g, int n) {
        int tile = 64;
        int bands = (n + tile - 1) / tile;
        LossMath.forEachRow(bands, true, band -> {
            int i0 = band * tile;
            int i1 = Math.min(n, i0 + tile);
            for (int j0 = i0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int row = i * n;
                    for (int j = Math.max(j0, i); j < j1; j++) {
                        float sum = g[row + j] + g[j * n + i];
                        g[row + j] = sum;
                        g[j * n + i] = sum;
                    }
                }
            }
        });
    }

    private static List<PairContribution> collect(double[] shares, float[] scores, NormalizedRows normalized,
                                                  PairTarget target, boolean raw) {
        int n = target.size();
        double[] norms = normalized.norms();
        List<PairContribution> pairs = new ArrayList<>(target.labelledPairs());
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int label = target.label(i, j);
                if (label == 0) continue;
                double similarity = raw
                        ? scores[i * n + j] / (Math.max(norms[i], CosineMatrix.EPSILON) * Math.max(norms[j], CosineMatrix.EPSILON))
                        : scores[i * n + j];
                pairs.add(new PairContribution(i, j, label, similarity, shares[i * n + j]));
            }
        }
        return pairs;
    }
}
