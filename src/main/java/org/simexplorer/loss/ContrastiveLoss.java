package org.simexplorer.loss;

import java.util.List;

/** Classic contrastive loss on the cosine distance d = 1 − S: positives pulled to d = 0, negatives pushed past the margin. */
public final class ContrastiveLoss extends MeanPairLoss {

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
    PairTerm term(LossParameters params) {
        double margin = params.get("margin");
        return (s, label, slope) -> {
            // y as arithmetic rather than a branch, which mispredicts on mixed labels
            int y = (label + 1) >> 1;
            double d = 1.0 - s;
            double gap = Math.max(0, margin - d);
            slope[0] = -y * d + (1 - y) * gap;
            return 0.5 * (y * d * d + (1 - y) * gap * gap);
        };
    }

    @Override
    GramRows.Pass rowTerms(LossParameters params, GramRows rows, double inv) {
        float margin = (float) params.get("margin");
        float inverse = (float) inv;
        return (row, acc) -> {
            float[] s = row.s;
            float[] t = row.t;
            float[] term = row.a;
            float[] slope = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                float labelled = t[k] * t[k];
                float y = (t[k] + 1) * 0.5f * labelled;
                float notY = labelled - y;
                float d = 1 - s[k];
                float gap = Math.max(0f, margin - d);
                term[k] = 0.5f * (y * d * d + notY * gap * gap);
                slope[k] = -y * d + notY * gap;
            }
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = inverse * slope[k];
            }
            acc[0] += ArrayMath.sum(term, n);
        };
    }
}
