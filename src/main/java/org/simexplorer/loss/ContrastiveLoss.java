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
}
