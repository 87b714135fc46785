package org.simexplorer.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Two-dimensional maps of embeddings. */
public final class Projection {

    private Projection() {
    }

    /**
     * Principal component analysis of the L2-normalised, centred rows: the coordinates on the two eigenvectors of
     * the covariance with the largest eigenvalues. Each axis is signed so that its largest-magnitude loading is
     * positive, which makes the answer reproducible. With fewer than two dimensions of spread the missing axis
     * is all zeros.
     *
     * @return N rows of [x, y] in input order
     */
    public static double[][] pca(float[][] embeddings) {
        int n = embeddings.length;
        if (n == 0) return new double[0][];
        int d = embeddings[0].length;
        DMatrixRMaj x = centred(embeddings, d);
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, x, covariance);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eigen.decompose(covariance)) {
            throw new IllegalStateException("the eigen-decomposition of the " + d + "×" + d + " covariance failed");
        }
        int[] top = largestTwo(eigen);
        double[][] points = new double[n][2];
        for (int axis = 0; axis < 2; axis++) {
            if (top[axis] < 0) continue;
            DMatrixRMaj v = eigen.getEigenVector(top[axis]);
            double sign = signOfLargest(v);
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int k = 0; k < d; k++) dot += x.unsafe_get(i, k) * v.data[k];
                points[i][axis] = sign * dot;
            }
        }
        return points;
    }

    private static DMatrixRMaj centred(float[][] embeddings, int d) {
        int n = embeddings.length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            float[] row = embeddings[i];
            if (row.length != d) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " values, row 0 has " + d);
            }
            double norm = 0;
            for (float v : row) norm += (double) v * v;
            double scale = 1.0 / Math.max(Math.sqrt(norm), CosineMatrix.EPSILON);
            for (int k = 0; k < d; k++) {
                double value = row[k] * scale;
                x.unsafe_set(i, k, value);
                mean[k] += value / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) x.unsafe_set(i, k, x.unsafe_get(i, k) - mean[k]);
        }
        return x;
    }

    /** Indices of the two largest eigenvalues that carry spread, or -1 where there is none. */
    private static int[] largestTwo(EigenDecomposition_F64<DMatrixRMaj> eigen) {
        int first = -1;
        int second = -1;
        double scale = 0;
        for (int k = 0; k < eigen.getNumberOfEigenvalues(); k++) {
            scale = Math.max(scale, Math.abs(eigen.getEigenvalue(k).real));
        }
        for (int k = 0; k < eigen.getNumberOfEigenvalues(); k++) {
            double value = eigen.getEigenvalue(k).real;
            // Eigenvalues at rounding level are directions without spread.
            if (value <= scale * 1e-12 || eigen.getEigenVector(k) == null) continue;
            if (first < 0 || value > eigen.getEigenvalue(first).real) {
                second = first;
                first = k;
            } else if (second < 0 || value > eigen.getEigenvalue(second).real) {
                second = k;
            }
        }
        return new int[] {first, second};
    }

    private static double signOfLargest(DMatrixRMaj v) {
        double largest = 0;
        for (double value : v.data) {
            if (Math.abs(value) > Math.abs(largest)) largest = value;
        }
        return largest < 0 ? -1 : 1;
    }
}
