package org.simexplorer.loss;

import org.simexplorer.errors.UndefinedException;
import org.simexplorer.errors.NotFoundException;
import org.simexplorer.errors.InvalidInputException;
import org.simexplorer.errors.DomainException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.simexplorer.similarity.MatrixProduct;

/** Every rejected input, with its status and the words that tell the user what to fix. */
class LossErrorsTest {

    private static MatrixProduct product;
    private static SparsePairLossEvaluator evaluator;
    private final PairLossRegistry registry = new PairLossRegistry();

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        evaluator = new SparsePairLossEvaluator(product);
    }

    @AfterAll
    static void stop() {
        product.close();
    }

    @Test
    void unknownLossIs404ListingTheKnownIds() {
        DomainException e = rejected(() -> registry.find("triplet"), NotFoundException.class);
        assertThat(e.getMessage()).isEqualTo("Unknown loss 'triplet'. Known losses: seed-sigmoid-bce, cosine-mse, "
                + "contrastive, online-contrastive, cosent, softmax-ce, sigmoid.");
        assertThat(e.properties().get("knownLosses")).isEqualTo(registry.ids());
    }

    @Test
    void missingLossIs400() {
        assertThat(rejected(() -> registry.find(null), InvalidInputException.class).getMessage())
                .startsWith("'loss' is missing: name one of seed-sigmoid-bce, cosine-mse");
    }

    @Test
    void noLabelledPairsIs422ForEveryLoss() {
        float[][] embeddings = {{1, 0}, {0, 1}, {1, 1}};
        LabelledPairs unlabelled = LabelledPairs.of(3, List.of(new LabelledPair(0, 1, 0)));
        for (PairLoss loss : registry.all()) {
            DomainException e = rejected(() -> evaluator.evaluate(embeddings, unlabelled, loss,
                    LossParameters.defaults(loss), false, false), UndefinedException.class);
            assertThat(e.getMessage()).startsWith("There are no labelled pairs");
        }
    }

    @Test
    void softmaxCeWithoutARowHavingAPositiveAndAnotherCandidateIs422() {
        float[][] embeddings = {{1, 0}, {0, 1}, {1, 1}};
        // One positive pair and nothing else: each row has |C_i| = 1.
        LabelledPairs onePair = LabelledPairs.of(3, List.of(new LabelledPair(0, 2, 1)));
        PairLoss loss = registry.find("softmax-ce");
        DomainException e = rejected(() -> evaluator.evaluate(embeddings, onePair, loss, LossParameters.defaults(loss),
                true, false), UndefinedException.class);
        assertThat(e.getMessage()).isEqualTo("softmax-ce is undefined for this target: no row has both a positive "
                + "pair and another labelled pair to compare it with (a row needs |P_i| ≥ 1 and |C_i| ≥ 2).");
        // The other losses are defined on the same input.
        for (String id : List.of("cosine-mse", "contrastive", "online-contrastive", "cosent", "sigmoid", "seed-sigmoid-bce")) {
            PairLoss other = registry.find(id);
            assertThat(evaluator.evaluate(embeddings, onePair, other, LossParameters.defaults(other), true, false)
                    .labelledPairs()).isEqualTo(1);
        }
    }

    @Test
    void typedPairsAreChecked() {
        assertThat(rejected(() -> LabelledPairs.of(3, List.of(new LabelledPair(0, 1, 1), new LabelledPair(1, 0, -1))),
                InvalidInputException.class).getMessage())
                .isEqualTo("pairs[1] repeats the pair (0, 1), which pairs[0] already gives; give each pair once.");
        assertThat(rejected(() -> LabelledPairs.of(3, List.of(new LabelledPair(2, 2, 1))), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0] labels (2, 2), a pair on the diagonal: a sentence is not labelled "
                        + "against itself.");
        assertThat(rejected(() -> LabelledPairs.of(3, List.of(new LabelledPair(5, 1, 1))), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].i is 5, out of range: with 3 embeddings, indices run from 0 to 2.");
        assertThat(rejected(() -> LabelledPairs.of(2, List.of(new LabelledPair(0, 1, 3))), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].label is 3; labels must be -1, 0 or 1.");
        assertThat(rejected(() -> new LabelledPairs(3, new int[] {1}, new int[] {0}, new byte[] {1}),
                InvalidInputException.class).getMessage())
                .isEqualTo("pairs[0] is (1, 0); with 3 rows a pair needs 0 ≤ i < j < 3.");
        assertThat(rejected(() -> new LabelledPairs(3, new int[] {0, 1, 0}, new int[] {2, 2, 2}, new byte[] {1, 1, -1}),
                InvalidInputException.class).getMessage())
                .isEqualTo("pairs[2] repeats the pair (0, 2), which pairs[0] already gives; give each pair once.");
        assertThat(rejected(() -> new LabelledPairs(3, new int[] {0}, new int[] {2}, new byte[] {0}),
                InvalidInputException.class).getMessage()).isEqualTo("pairs[0].label is 0; labels must be -1 or 1.");
        assertThat(rejected(() -> new LabelledPairs(3, new int[] {0}, new int[] {2, 1}, new byte[] {1}),
                InvalidInputException.class).getMessage()).contains("the three must have the same length");
    }

    @Test
    void typedPairsSkipUnlabelledEntriesAndComeOutInRowOrder() {
        LabelledPairs pairs = LabelledPairs.of(4, List.of(new LabelledPair(3, 1, -1), new LabelledPair(0, 2, 0),
                new LabelledPair(2, 0, 1), new LabelledPair(0, 1, 1)));
        assertThat(pairs.size()).isEqualTo(3);
        assertThat(pairs.first()).containsExactly(0, 0, 1);
        assertThat(pairs.second()).containsExactly(1, 2, 3);
        assertThat(pairs.labels()).containsExactly(1, 1, -1);
        assertThat(pairs.positives()).isEqualTo(2);
        assertThat(pairs.negatives()).isEqualTo(1);
    }

    @Test
    void badParameters() {
        PairLoss cosent = registry.find("cosent");
        assertThat(rejected(() -> LossParameters.resolve(cosent, Map.of("temperature", 1)), InvalidInputException.class)
                .getMessage()).isEqualTo("Unknown parameter 'temperature' for loss 'cosent': its parameters are scale.");
        assertThat(rejected(() -> LossParameters.resolve(registry.find("cosine-mse"), Map.of("margin", 1)),
                InvalidInputException.class).getMessage())
                .isEqualTo("Unknown parameter 'margin' for loss 'cosine-mse': it has no parameters.");
        assertThat(rejected(() -> LossParameters.resolve(cosent, Map.of("scale", "20")), InvalidInputException.class)
                .getMessage()).isEqualTo("Parameter 'scale' must be a number.");
        assertThat(rejected(() -> LossParameters.resolve(registry.find("softmax-ce"), Map.of("temperature", 0)),
                InvalidInputException.class).getMessage()).isEqualTo("Parameter 'temperature' is 0.0; it must be greater than 0.");
        assertThat(rejected(() -> LossParameters.resolve(cosent, Map.of("scale", Double.NaN)), InvalidInputException.class)
                .getMessage()).isEqualTo("Parameter 'scale' must be finite.");
    }

    private static DomainException rejected(Executable call, Class<? extends DomainException> status) {
        DomainException[] caught = new DomainException[1];
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e).isInstanceOf(status);
            caught[0] = e;
        });
        return caught[0];
    }
}
