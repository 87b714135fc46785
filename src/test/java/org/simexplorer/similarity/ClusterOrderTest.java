package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterOrderTest {

    /** Unit vectors scattered around `clusters` random centres; returns the cluster of each row. */
    private static int[] planted(float[][] out, int clusters, double noise, Random random) {
        int n = out.length;
        int d = out[0].length;
        float[][] centres = new float[clusters][d];
        for (float[] centre : centres) {
            for (int k = 0; k < d; k++) centre[k] = (float) random.nextGaussian();
        }
        List<Integer> assignment = new ArrayList<>();
        for (int i = 0; i < n; i++) assignment.add(i % clusters);
        Collections.shuffle(assignment, random);
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = assignment.get(i);
            double norm = 0;
            for (int k = 0; k < d; k++) {
                out[i][k] = centres[cluster[i]][k] + (float) (noise * random.nextGaussian());
                norm += out[i][k] * out[i][k];
            }
            for (int k = 0; k < d; k++) out[i][k] /= (float) Math.sqrt(norm);
        }
        return cluster;
    }

    private static float[][] cosine(float[][] x) {
        int n = x.length;
        float[][] s = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float dot = 0;
                for (int k = 0; k < x[i].length; k++) dot += x[i][k] * x[j][k];
                s[i][j] = dot;
            }
        }
        return s;
    }

    private static void assertPermutation(int[] order, int n) {
        assertThat(order).hasSize(n);
        Set<Integer> seen = new HashSet<>();
        for (int index : order) seen.add(index);
        assertThat(seen).hasSize(n);
        assertThat(Collections.min(seen)).isZero();
        assertThat(Collections.max(seen)).isEqualTo(n - 1);
    }

    /** Each planted cluster must occupy one contiguous run of the order. */
    private static void assertContiguous(int[] order, int[] cluster, int clusters) {
        int runs = 1;
        for (int k = 1; k < order.length; k++) {
            if (cluster[order[k]] != cluster[order[k - 1]]) runs++;
        }
        assertThat(runs).as("number of runs of equal cluster ids in the order").isEqualTo(clusters);
    }

    @Test
    void plantedClustersComeOutContiguous() {
        Random random = new Random(42);
        float[][] x = new float[90][32];
        int[] cluster = planted(x, 5, 0.25, random);
        int[] order = ClusterOrder.of(cosine(x));
        assertPermutation(order, 90);
        assertContiguous(order, cluster, 5);
    }

    @Test
    void shuffledInputDoesNotStayInInputOrder() {
        Random random = new Random(7);
        float[][] x = new float[40][16];
        int[] cluster = planted(x, 2, 0.2, random);
        int[] order = ClusterOrder.of(cosine(x));
        assertContiguous(order, cluster, 2);
        int[] identity = new int[40];
        for (int i = 0; i < 40; i++) identity[i] = i;
        assertThat(order).isNotEqualTo(identity);
    }

    @Test
    void nestedClustersKeepSubclustersTogether() {
        // Two far groups, each made of two nearer subgroups: every subgroup and every group stays contiguous.
        Random random = new Random(3);
        int d = 24;
        float[][] x = new float[48][d];
        int[] sub = new int[48];
        float[][] groupCentres = new float[2][d];
        for (float[] c : groupCentres) for (int k = 0; k < d; k++) c[k] = (float) random.nextGaussian() * 3;
        float[][] subCentres = new float[4][d];
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k < d; k++) subCentres[s][k] = groupCentres[s / 2][k] + (float) random.nextGaussian();
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 48; i++) ids.add(i % 4);
        Collections.shuffle(ids, random);
        for (int i = 0; i < 48; i++) {
            sub[i] = ids.get(i);
            double norm = 0;
            for (int k = 0; k < d; k++) {
                x[i][k] = subCentres[sub[i]][k] + (float) (0.1 * random.nextGaussian());
                norm += x[i][k] * x[i][k];
            }
            for (int k = 0; k < d; k++) x[i][k] /= (float) Math.sqrt(norm);
        }
        int[] order = ClusterOrder.of(cosine(x));
        assertContiguous(order, sub, 4);
        int[] group = new int[48];
        for (int i = 0; i < 48; i++) group[i] = sub[i] / 2;
        assertContiguous(order, group, 2);
    }

    @Test
    void tinyInputs() {
        assertThat(ClusterOrder.of(new float[0][0])).isEmpty();
        assertThat(ClusterOrder.of(new float[][] {{1}})).containsExactly(0);
        assertThat(ClusterOrder.of(new float[][] {{1, 0.5f}, {0.5f, 1}})).containsExactly(0, 1);
        int[] three = ClusterOrder.of(new float[][] {{1, 0, 0.9f}, {0, 1, 0}, {0.9f, 0, 1}});
        assertPermutation(three, 3);
        // 0 and 2 are near each other, so 1 is at one end.
        assertThat(three[1]).isNotEqualTo(1);
    }
}
