package org.simexplorer.formats;

import java.util.Locale;
import java.util.Map;
import org.simexplorer.errors.NotFoundException;

/**
 * Our loss as sentence-transformers spells it: the Python that builds it with our parameters, the column its
 * training rows need, and, where no sentence-transformers loss matches, why the nearest one differs.
 *
 * @param className   the sentence-transformers loss class
 * @param labelColumn "label" (1 or 0) for losses that take a class, "score" (1.0 or 0.0) for those that take a
 *                    similarity target
 * @param python      the body of {@code make_loss(model)}, indented four spaces
 * @param difference  null when the loss is the same; otherwise what the nearest loss does differently
 * @param trainFilter Python run on {@code train} before training (indented four spaces), or ""
 */
public record SentenceTransformersLoss(String className, String labelColumn, String python, String difference,
        String trainFilter) {

    public static SentenceTransformersLoss of(String lossId, Map<String, Double> params) {
        return switch (lossId) {
            case "contrastive" -> same("ContrastiveLoss", "label", """
                        # As in Similarity Explorer: mean of 0.5 * [y * d^2 + (1 - y) * max(0, margin - d)^2], d = 1 - cosine.
                        return losses.ContrastiveLoss(model, distance_metric=losses.SiameseDistanceMetric.COSINE_DISTANCE,
                                                      margin=%s)
                    """.formatted(number(params, "margin")));
            case "online-contrastive" -> same("OnlineContrastiveLoss", "label", """
                        # As in Similarity Explorer: only hard positives and hard negatives count, d = 1 - cosine.
                        return losses.OnlineContrastiveLoss(model,
                                                            distance_metric=losses.SiameseDistanceMetric.COSINE_DISTANCE,
                                                            margin=%s)
                    """.formatted(number(params, "margin")));
            case "cosent" -> same("CoSENTLoss", "score", """
                        # As in Similarity Explorer: log(1 + sum exp(scale * (cos_a - cos_b))) over mis-ordered pairs.
                        return losses.CoSENTLoss(model, scale=%s)
                    """.formatted(number(params, "scale")));
            case "cosine-mse" -> nearest("CosineSimilarityLoss", "score", """
                        return losses.CosineSimilarityLoss(model)
                    """, "Similarity Explorer's cosine-mse pulls a dissimilar pair's cosine towards -1; "
                    + "CosineSimilarityLoss pulls it towards its score, 0.0.", "");
            case "sigmoid" -> nearest("CoSENTLoss", "score", """
                        return losses.CoSENTLoss(model, scale=%s)
                    """.formatted(number(params, "t")), "sentence-transformers has no pairwise sigmoid loss. "
                    + "Similarity Explorer's sigmoid loss, softplus(-y * (t * cosine + b)), pushes each pair past "
                    + "the fixed threshold -b/t; CoSENTLoss with scale t only asks every similar pair to score above "
                    + "every dissimilar one, which is what ROC-AUC measures.", "");
            case "seed-sigmoid-bce" -> nearest("CoSENTLoss", "score", """
                        return losses.CoSENTLoss(model, scale=20.0)
                    """, "sentence-transformers has no binary cross-entropy on raw dot products. Similarity "
                    + "Explorer's seed-sigmoid-bce reads unnormalised dot products; CoSENTLoss ranks cosines, so "
                    + "vector lengths no longer matter.", "");
            case "softmax-ce" -> nearest("MultipleNegativesRankingLoss", "label", """
                        return losses.MultipleNegativesRankingLoss(model, scale=%s)
                    """.formatted(format(1 / params.get("temperature"))), "Similarity Explorer's softmax-ce runs "
                    + "the softmax over each sentence's labelled partners; MultipleNegativesRankingLoss (scale = "
                    + "1/temperature) runs it over the other positives in the batch, so it trains on the "
                    + "similar pairs only and the dissimilar pairs are dropped from training.", """
                        # MultipleNegativesRankingLoss takes (anchor, positive) pairs: keep the similar pairs only.
                        train = train.filter(lambda row: row[LABEL_COLUMN] == 1)
                        train = train.select_columns(["sentence1", "sentence2"])
                    """);
            default -> throw new NotFoundException("Unknown loss '" + lossId + "'.").with("loss", lossId);
        };
    }

    private static SentenceTransformersLoss same(String className, String column, String python) {
        return new SentenceTransformersLoss(className, column, python.stripTrailing(), null, "");
    }

    private static SentenceTransformersLoss nearest(String className, String column, String python,
            String difference, String filter) {
        String said = "    print(\"Note: " + difference.replace("\"", "'") + "\")\n";
        String comment = wrapAsComment(difference);
        return new SentenceTransformersLoss(className, column, comment + said + python.stripTrailing(), difference,
                filter.stripTrailing());
    }

    private static String wrapAsComment(String text) {
        StringBuilder out = new StringBuilder("    # No sentence-transformers loss matches; this is the nearest.\n");
        StringBuilder line = new StringBuilder("    #");
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 110) {
                out.append(line).append('\n');
                line = new StringBuilder("    #");
            }
            line.append(' ').append(word);
        }
        return out.append(line).append('\n').toString();
    }

    private static String number(Map<String, Double> params, String name) {
        return format(params.get(name));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
