package org.simexplorer.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both routes of A·Bᵀ and of A·B against a naive double-precision product. */
class MatrixProductTest {

    private static MatrixProduct ort;
    private static MatrixProduct plain;

    @BeforeAll
    static void start() {
        ort = new MatrixProduct(2, 0);
        plain = new MatrixProduct(1, Long.MAX_VALUE);
    }

    @AfterAll
    static void stop() {
        ort.close();
        plain.close();
    }

    @Test
    void rectangularProductMatchesNaiveDoubleProduct() {
        Random random = new Random(11);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 7}, {64, 33, 384}, {257, 129, 50}}) {
            int m = shape[0], n = shape[1], k = shape[2];
            float[] a = random(m * k, random);
            float[] b = random(n * k, random);
            double[] expected = naive(a, m, b, n, k);
            for (MatrixProduct route : List.of(ort, plain)) {
                float[] c = route.timesTransposed(a, m, b, n, k);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) c[i]).isCloseTo(expected[i], within(1e-5 * Math.sqrt(k) * 4));
                }
            }
        }
    }

    @Test
    void productWithoutTransposeMatchesNaiveDoubleProduct() {
        Random random = new Random(13);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 5, 7}, {64, 33, 384}, {257, 129, 50}}) {
            int m = shape[0], n = shape[1], k = shape[2];
            float[] a = random(m * k, random);
            float[] b = random(n * k, random);
            // b read as k × n is the transpose of some n × k matrix bt
            float[] bt = new float[n * k];
            for (int t = 0; t < k; t++) for (int j = 0; j < n; j++) bt[j * k + t] = b[t * n + j];
            double[] expected = naive(a, m, bt, n, k);
            for (MatrixProduct route : List.of(ort, plain)) {
                FloatBuffer c = MatrixProduct.allocate((long) m * n);
                route.times(direct(a), m, direct(b), k, n, c);
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) c.get(i)).isCloseTo(expected[i], within(1e-5 * Math.sqrt(k) * 4));
                }
            }
        }
    }

    private static FloatBuffer direct(float[] values) {
        FloatBuffer buffer = MatrixProduct.allocate(values.length);
        buffer.put(0, values);
        return buffer;
    }

    @Test
    void directBuffersAreReadFromTheirPositionAndWrittenInPlace() {
        Random random = new Random(5);
        int m = 20, n = 30, k = 16;
        float[] a = random(m * k, random);
        float[] b = random(n * k, random);
        FloatBuffer directA = MatrixProduct.allocate(m * k + 8);
        directA.put(8, a);
        directA.position(8);
        FloatBuffer directB = MatrixProduct.allocate(n * k);
        directB.put(0, b);
        FloatBuffer c = MatrixProduct.allocate(m * n);
        ort.timesTransposed(directA, m, directB, n, k, c);
        assertThat(directA.position()).isEqualTo(8);
        double[] expected = naive(a, m, b, n, k);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) c.get(i)).isCloseTo(expected[i], within(1e-4));
        }
    }

    @Test
    void concurrentCallsDoNotMixBuffers() throws Exception {
        Random random = new Random(9);
        int m = 120, k = 64;
        List<float[]> inputs = new ArrayList<>();
        for (int t = 0; t < 8; t++) inputs.add(random(m * k, random));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (float[] input : inputs) results.add(pool.submit(() -> ort.timesTransposed(input, m, input, m, k)));
            for (int t = 0; t < inputs.size(); t++) {
                double[] expected = naive(inputs.get(t), m, inputs.get(t), m, k);
                float[] actual = results.get(t).get();
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i]).isCloseTo(expected[i], within(1e-4));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    static float[] random(int size, Random random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) values[i] = (float) random.nextGaussian();
        return values;
    }

    static double[] naive(float[] a, int m, float[] b, int n, int k) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += (double) a[i * k + t] * b[j * k + t];
                c[i * n + j] = sum;
            }
        }
        return c;
    }
}
