package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterTreeTest {

    /** Cosines of points on a line at 0, 1, 10, 11, 30 (cosine = 1 − distance/100). */
    private static float[] line(double... positions) {
        int n = positions.length;
        float[] cosine = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) cosine[i * n + j] = (float) (1 - Math.abs(positions[i] - positions[j]) / 100);
        }
        return cosine;
    }

    @Test
    void cuttingAHandMadeTreeGivesItsGroupsNumberedByFirstAppearance() {
        ClusterTree tree = ClusterOrder.tree(line(10, 0, 30, 11, 1), 5);
        assertThat(tree.left()).hasSize(4);
        assertThat(tree.cut(1)).containsExactly(0, 0, 0, 0, 0);
        // The last merge joins 30 to the rest (average distance far above the 10-apart pairs).
        assertThat(tree.cut(2)).containsExactly(0, 0, 1, 0, 0);
        assertThat(tree.cut(3)).containsExactly(0, 1, 2, 0, 1);
        assertThat(tree.cut(5)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void mergeHeightsAreAverageLinkageDistances() {
        ClusterTree tree = ClusterOrder.tree(line(0, 1, 10), 3);
        float[] heights = tree.height().clone();
        java.util.Arrays.sort(heights);
        // {0,1} at 0.01; then 10 joins at the mean of 0.10 and 0.09.
        assertThat(heights[0]).isCloseTo(0.01f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(heights[1]).isCloseTo(0.095f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void leafOrderIsTheClusterOrder() {
        Random random = new Random(3);
        int n = 60;
        float[] cosine = new float[n * n];
        double[] position = new double[n];
        for (int i = 0; i < n; i++) position[i] = random.nextInt(4) * 50 + random.nextDouble();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) cosine[i * n + j] = (float) (1 - Math.abs(position[i] - position[j]) / 200);
        }
        ClusterTree tree = ClusterOrder.tree(cosine, n);
        assertThat(tree.leafOrder()).containsExactly(ClusterOrder.of(cosine, n));
        // Four planted groups 50 apart: cutting into 4 recovers them exactly.
        int[] groups = tree.cut(4);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean samePlanted = (int) (position[i] / 50) == (int) (position[j] / 50);
                assertThat(groups[i] == groups[j]).as("%d and %d", i, j).isEqualTo(samePlanted);
            }
        }
    }

    @Test
    void kOutsideOneToNIsRejected() {
        ClusterTree tree = ClusterOrder.tree(line(0, 1, 2), 3);
        assertThatThrownBy(() -> tree.cut(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.cut(4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClusterOrder.tree(new float[] {1}, 1).cut(1)).containsExactly(0);
    }
}
