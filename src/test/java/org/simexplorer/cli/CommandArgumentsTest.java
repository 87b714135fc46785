package org.simexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.simexplorer.cli.CommandArguments.BadArguments;

class CommandArgumentsTest {

    @Test
    void flagsTakeTheirValueOrTheirDefault() {
        CommandArguments a = CommandArguments.parse(List.of("--sizes=300,4000", "--runs=3", "--model", "e5",
                "--learning-rate=0.01"), "sizes", "runs", "warmup", "model", "learning-rate", "seed", "losses");
        assertThat(a.integers("sizes", 5000)).containsExactly(300, 4000);
        assertThat(a.integer("runs", 7)).isEqualTo(3);
        assertThat(a.integer("warmup", 2)).isEqualTo(2);
        assertThat(a.text("model", null)).isEqualTo("e5");
        assertThat(a.decimal("learning-rate", 0.001)).isEqualTo(0.01);
        assertThat(a.longInteger("seed", 42)).isEqualTo(42);
        assertThat(a.list("losses", List.of())).isEmpty();
        assertThat(a.has("warmup")).isFalse();
        assertThat(a.integers("warmup", 1, 2)).containsExactly(1, 2);
    }

    @Test
    void wordsAreKeptInOrderBesideTheFlags() {
        CommandArguments a = CommandArguments.parse(List.of("train.tsv", "--losses=cosent,contrastive",
                "heldout.tsv"), "losses");
        assertThat(a.words()).containsExactly("train.tsv", "heldout.tsv");
        assertThat(a.list("losses", List.of())).containsExactly("cosent", "contrastive");
        assertThatThrownBy(a::noWords).isInstanceOf(BadArguments.class).hasMessageContaining("train.tsv");
    }

    @Test
    void springPropertiesAmongTheFlagsAreSkipped() {
        CommandArguments a = CommandArguments.parse(List.of("--simexplorer.data-dir=/tmp/x", "--runs=2"), "runs");
        assertThat(a.integer("runs", 7)).isEqualTo(2);
        assertThat(a.words()).isEmpty();
    }

    @Test
    void anUnknownFlagIsRefusedByName() {
        assertThatThrownBy(() -> CommandArguments.parse(List.of("--size=5"), "sizes"))
                .isInstanceOf(BadArguments.class).hasMessage("Unknown flag --size.");
        assertThatThrownBy(() -> CommandArguments.parse(List.of("--runs"), "runs"))
                .isInstanceOf(BadArguments.class).hasMessage("--runs needs a value.");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsFlag() {
        CommandArguments a = CommandArguments.parse(List.of("--runs=many", "--sizes=10,x", "--threshold=high"),
                "runs", "sizes", "threshold");
        assertThatThrownBy(() -> a.integer("runs", 7)).isInstanceOf(BadArguments.class)
                .hasMessage("--runs must be a whole number, not 'many'.");
        assertThatThrownBy(() -> a.integers("sizes", 1)).isInstanceOf(BadArguments.class)
                .hasMessageContaining("--sizes");
        assertThatThrownBy(() -> a.decimal("threshold", 2.5)).isInstanceOf(BadArguments.class)
                .hasMessageContaining("--threshold must be a number");
        assertThatThrownBy(() -> CommandArguments.wholeNumber("big")).isInstanceOf(BadArguments.class)
                .hasMessage("'big' is not a whole number.");
    }
}
