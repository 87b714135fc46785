package org.simexplorer.api;

import org.simexplorer.loss.LabelledPair;
import org.simexplorer.loss.PairTarget;

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

/** The JSON forms of a loss target are refused with a 400 that names the entry. */
class TargetInputTest {

    @Test
    void targetWithTheWrongNumberOfRows() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 1), List.of(1, 0)), 3),
                InvalidInputException.class).getMessage())
                .isEqualTo("'target' has 2 rows but there are 3 embeddings: it must be 3×3.");
    }

    @Test
    void targetWithAShortRow() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 1), List.of(1)), 2),
                InvalidInputException.class).getMessage())
                .isEqualTo("target[1] has 1 values; the target must be 2×2, one row and one column per embedding.");
    }

    @Test
    void targetRowThatIsNotAList() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 1), 1), 2), InvalidInputException.class)
                .getMessage()).isEqualTo("target[1] is not a list: the target must be 2×2.");
    }

    @Test
    void asymmetricTarget() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 1, -1), List.of(1, 0, 0), List.of(1, 0, 0)), 3),
                InvalidInputException.class).getMessage())
                .isEqualTo("The target is not symmetric: target[0][2] is -1 but target[2][0] is 1.");
    }

    @Test
    void labelOutsideMinusOneZeroOne() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 0.5), List.of(0.5, 0)), 2),
                InvalidInputException.class).getMessage()).isEqualTo("target[0][1] is 0.5; labels must be -1, 0 or 1.");
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, "1"), List.of(1, 0)), 2),
                InvalidInputException.class).getMessage()).isEqualTo("target[0][1] is not a number; labels must be -1, 0 or 1.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0, "j", 1, "label", 2)), 2),
                InvalidInputException.class).getMessage()).isEqualTo("pairs[0].label is 2; labels must be -1, 0 or 1.");
        assertThat(rejected(() -> PairTarget.of(2, List.of(new LabelledPair(0, 1, 3))), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].label is 3; labels must be -1, 0 or 1.");
    }

    @Test
    void labelOnTheDiagonal() {
        assertThat(rejected(() -> TargetInput.fromMatrix(List.of(List.of(0, 1), List.of(1, 1)), 2),
                InvalidInputException.class).getMessage())
                .isEqualTo("target[1][1] is 1: the diagonal must be 0, a sentence is not labelled against itself.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 1, "j", 1, "label", 1)), 2),
                InvalidInputException.class).getMessage())
                .isEqualTo("pairs[0] labels (1, 1), a pair on the diagonal: a sentence is not labelled against itself.");
    }

    @Test
    void pairIndicesOutOfRange() {
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0, "j", 1, "label", 1),
                Map.of("i", 0, "j", 3, "label", 1)), 3), InvalidInputException.class).getMessage())
                .isEqualTo("pairs[1].j is 3, out of range: with 3 embeddings, indices run from 0 to 2.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", -1, "j", 1, "label", 1)), 3),
                InvalidInputException.class).getMessage())
                .isEqualTo("pairs[0].i is -1, out of range: with 3 embeddings, indices run from 0 to 2.");
        assertThat(rejected(() -> PairTarget.of(3, List.of(new LabelledPair(5, 1, 1))), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].i is 5, out of range: with 3 embeddings, indices run from 0 to 2.");
    }

    @Test
    void malformedPairs() {
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(List.of(0, 1, 1)), 3), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0] must be an object like {\"i\": 0, \"j\": 1, \"label\": 1}.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0, "label", 1)), 3), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].j is missing.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0.5, "j", 1, "label", 1)), 3),
                InvalidInputException.class).getMessage()).isEqualTo("pairs[0].i must be an integer row index.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0, "j", 1)), 3), InvalidInputException.class)
                .getMessage()).isEqualTo("pairs[0].label is missing.");
        assertThat(rejected(() -> TargetInput.fromPairs(List.of(Map.of("i", 0, "j", 1, "label", 1),
                Map.of("i", 1, "j", 0, "label", -1)), 3), InvalidInputException.class).getMessage())
                .isEqualTo("pairs[1] repeats the pair (0, 1), which an earlier entry already gives; give each pair once.");
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
