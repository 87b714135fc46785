package org.simexplorer.loss;

import java.util.List;

/** Classic contrastive loss on the cosine distance d = 1 − S: positives pulled to d = 0, negatives pushed past the margin. */
public final class ContrastiveLoss implements PairLoss {

    @Override
    public String id() {
        return "contrastive";
    }

    @Override
    public String formula() {
        return "d = 1 − S_ij, y = (T+1)/2. Mean over labelled pairs of ½·[y·d² + (1 − y)·max(0, m − d)²].";
    }

    @Override
    public List<LossParameter> parameters() {
        return List.of(new LossParameter("margin", 0.5, "m: negatives closer than this distance are penalised", false));
    }

    @Override
    public boolean hasPairContributions() {
        return true;
    }

    @Override
    public double compute(float[] s, PairTarget target, LossParameters params, float[] gradient, double[] contributions) {
        int n = target.size();
        byte[] t = target.labels();
        double margin = params.get("margin");
        double inv = 1.0 / target.labelledPairs();
        double sum = LossMath.sumRows(n, true, i -> {
            int row = i * n;
            double rowSum = 0;
            for (int j = i + 1; j < n; j++) {
                int label = t[row + j];
                if (label == 0) continue;
                // y as arithmetic rather than a branch, which mispredicts on mixed labels
                int y = (label + 1) >> 1;
                double d = 1.0 - s[row + j];
                double gap = Math.max(0, margin - d);
                double term = 0.5 * (y * d * d + (1 - y) * gap * gap);
                double dTermDs = -y * d + (1 - y) * gap;
                rowSum += term;
                if (gradient != null) gradient[row + j] = (float) (dTermDs * inv);
                if (contributions != null) contributions[row + j] = term * inv;
            }
            return rowSum;
        });
        return sum * inv;
    }
}
