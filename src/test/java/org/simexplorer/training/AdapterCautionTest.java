package org.simexplorer.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.simexplorer.evaluation.PairSplit;

class AdapterCautionTest {

    private static Map<String, Object> before(int positives, int negatives) {
        return Map.of("validation", Map.of("positives", positives, "negatives", negatives, "rocAuc", 0.5));
    }

    @Test
    void fewerThanTheMinimumOfAClassOnTheValidationSideIsCautioned() {
        PairSplit.Counts split = new PairSplit.Counts(100, 60, 0);
        AdapterView.Caution caution = AdapterView.caution(split, before(45, 15), 30);
        assertThat(caution).isNotNull();
        assertThat(caution.positives()).isEqualTo(45);
        assertThat(caution.negatives()).isEqualTo(15);
        assertThat(caution.minimumPerClass()).isEqualTo(30);
        assertThat(AdapterView.caution(split, before(30, 30), 30)).isNull();
    }

    @Test
    void beforeStepZeroTheTotalDecides() {
        assertThat(AdapterView.caution(new PairSplit.Counts(5, 4, 0), null, 30).validationPairs()).isEqualTo(4);
        assertThat(AdapterView.caution(new PairSplit.Counts(5, 4, 0), null, 30).positives()).isNull();
        assertThat(AdapterView.caution(new PairSplit.Counts(500, 60, 0), null, 30)).isNull();
        assertThat(AdapterView.caution(new PairSplit.Counts(5, 4, 0), null, 0)).isNull();
    }
}
