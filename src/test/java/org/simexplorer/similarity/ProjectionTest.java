package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    /** Direct computation: the SVD of the centred, normalised rows; coordinates are U·Σ on the top two. */
    private static double[][] bySvd(float[][] rows) {
        int n = rows.length;
        int d = rows[0].length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (float v : rows[i]) norm += v * v;
            for (int k = 0; k < d; k++) x.set(i, k, rows[i][k] / Math.sqrt(norm));
        }
        for (int k = 0; k < d; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x.get(i, k) / n;
            for (int i = 0; i < n; i++) x.set(i, k, x.get(i, k) - mean);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, true, true, false);
        assertThat(svd.decompose(x.copy())).isTrue();
        double[] sigma = svd.getSingularValues();
        DMatrixRMaj u = svd.getU(null, false);
        Integer[] order = java.util.stream.IntStream.range(0, sigma.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sigma[b], sigma[a]));
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int axis = 0; axis < 2; axis++) points[i][axis] = u.get(i, order[axis]) * sigma[order[axis]];
        }
        return points;
    }

    @Test
    void matchesTheSvdOfTheCentredUnitRowsUpToSign() {
        Random random = new Random(7);
        int n = 40;
        int d = 6;
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            // Distinct spreads per direction, so the top two axes are well separated.
            for (int k = 0; k < d; k++) row[k] = (float) (random.nextGaussian() * (6 - k) + (k == 0 ? 3 : 0));
        }
        double[][] ours = Projection.pca(rows);
        double[][] direct = bySvd(rows);
        for (int axis = 0; axis < 2; axis++) {
            double sign = Math.signum(ours[0][axis]) * Math.signum(direct[0][axis]);
            for (int i = 0; i < n; i++) {
                assertThat(ours[i][axis]).as("point %d axis %d", i, axis).isCloseTo(sign * direct[i][axis],
                        within(1e-6));
            }
        }
    }

    @Test
    void pointsOnAPlaneKeepTheirDistances() {
        // Unit vectors in the plane of e1 and e2: the map is that plane, so distances are kept.
        float[][] rows = new float[12][5];
        for (int i = 0; i < rows.length; i++) {
            double angle = i * 0.25;
            rows[i][0] = (float) Math.cos(angle);
            rows[i][1] = (float) Math.sin(angle);
        }
        double[][] points = Projection.pca(rows);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows.length; j++) {
                double original = Math.hypot(rows[i][0] - rows[j][0], rows[i][1] - rows[j][1]);
                double mapped = Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
                assertThat(mapped).isCloseTo(original, within(1e-6));
            }
        }
    }

    @Test
    void aSinglePointOrOneDirectionLeavesTheMissingAxisAtZero() {
        assertThat(Projection.pca(new float[][] {{1, 2, 3}})).isDeepEqualTo(new double[][] {{0, 0}});
        double[][] two = Projection.pca(new float[][] {{1, 0}, {0, 1}});
        assertThat(two[0][1]).isZero();
        assertThat(Math.abs(two[0][0] - two[1][0])).isCloseTo(Math.sqrt(2), within(1e-9));
        assertThat(Projection.pca(new float[0][])).isEmpty();
    }
}
