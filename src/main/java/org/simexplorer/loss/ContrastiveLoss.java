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
        double margin = params.get("margin");
        return (row, acc) -> {
            double[] s = row.s;
            double[] t = row.t;
            double[] term = row.a;
            double[] slope = row.b;
            int n = row.length;
            for (int k = 0; k < n; k++) {
                double labelled = t[k] * t[k];
                double y = (t[k] + 1) * 0.5 * labelled;
                double notY = labelled - y;
                double d = 1.0 - s[k];
                double gap = Math.max(0, margin - d);
                term[k] = 0.5 * (y * d * d + notY * gap * gap);
                slope[k] = -y * d + notY * gap;
            }
            if (row.g != null) {
                for (int k = 0; k < n; k++) row.g[k] = inv * slope[k];
            }
            acc[0] += ArrayMath.sum(term, 0, n);
        };
    }
}
