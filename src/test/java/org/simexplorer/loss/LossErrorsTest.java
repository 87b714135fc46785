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
    private static PairLossEvaluator evaluator;
    private final PairLossRegistry registry = new PairLossRegistry();

    @BeforeAll
    static void start() {
        product = new MatrixProduct();
        evaluator = new PairLossEvaluator(product);
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
        PairTarget unlabelled = PairTarget.of(3, List.of(new LabelledPair(0, 1, 0)));
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
        PairTarget onePair = PairTarget.of(3, List.of(new LabelledPair(0, 2, 1)));
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
