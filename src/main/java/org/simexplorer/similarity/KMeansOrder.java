package org.simexplorer.similarity;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A cluster order that never needs the N×N matrix: spherical k-means on the normalised rows (k-means++ seeding on a
 * seeded sample, a bounded number of Lloyd iterations, assignments as blocks of rows times the centroids on
 * {@link MatrixProduct}'s route), the clusters in the leaf order of average linkage on their k centroids, and the
 * rows of each cluster sorted along the line from the previous cluster's centroid to the next one's, so that
 * neighbouring clusters meet at the rows that are most alike. O(N·k·D) per iteration, N + k² memory.
 */
public final class KMeansOrder {

    public static final int DEFAULT_ITERATIONS = 20;
    /** k-means++ picks its seeds from at most this many rows: each pick is a pass over them. */
    static final int SEEDING_SAMPLE = 20_000;
    private static final int BLOCK_ROWS = 2048;
    /** Candidates per k-means++ pick, as scikit-learn's 2 + ln k for k near 100. */
    private static final int TRIALS = 6;

    private final MatrixProduct product;

    public KMeansOrder(MatrixProduct product) {
        this.product = product;
    }

    /**
     * @param cluster  each row's cluster, numbered 0..k-1 in the order the clusters appear in {@code order}
     * @param order    a permutation of the rows: cluster by cluster
     * @param centroidTree the average-linkage tree on the centroids (leaves numbered like {@code cluster})
     */
    public record Clusters(int k, int[] cluster, int[] order, ClusterTree centroidTree) {

        /** Groups of rows from cutting the centroid tree into {@code groups} (at most k) groups. */
        public int[] cut(int groups) {
            int[] ofCentroid = centroidTree.cut(groups);
            int[] group = new int[cluster.length];
            for (int i = 0; i < group.length; i++) group[i] = ofCentroid[cluster[i]];
            return group;
        }
    }

    /** The number of clusters the order uses for n rows: about √(n/2), at least 2 and at most 256. */
    public static int clustersFor(int n) {
        return Math.max(1, Math.min(n, Math.min(256, Math.max(2, (int) Math.round(Math.sqrt(n / 2.0))))));
    }

    public Clusters cluster(NormalizedRows x, int k, long seed) {
        return cluster(x, k, seed, DEFAULT_ITERATIONS);
    }

    public Clusters cluster(NormalizedRows x, int k, long seed, int iterations) {
        int n = x.n();
        if (k < 1 || k > Math.max(1, n)) throw new IllegalArgumentException("k must be between 1 and " + n + ", not " + k);
        if (n == 0) return new Clusters(0, new int[0], new int[0], new ClusterTree(0, new int[0], new int[0], new float[0]));
        float[] centroids = seed(x, k, new Random(seed));
        int[] assigned = new int[n];
        float[] best = new float[n];
        Arrays.fill(assigned, -1);
        for (int iteration = 0; iteration < iterations; iteration++) {
            boolean changed = assign(x, centroids, k, assigned, best);
            update(x, centroids, k, assigned, best);
            if (!changed) break;
        }
        assign(x, centroids, k, assigned, best);
        return order(x, centroids, k, assigned);
    }

    /** k-means++: each next seed drawn with probability proportional to its distance 1 − cos to the nearest seed. */
    private float[] seed(NormalizedRows x, int k, Random random) {
        int n = x.n();
        int d = x.d();
        int[] sample = n <= SEEDING_SAMPLE ? IntStream.range(0, n).toArray()
                : random.ints(0, n).distinct().limit(SEEDING_SAMPLE).sorted().toArray();
        FloatBuffer rows = MatrixProduct.allocate((long) sample.length * d);
        float[] row = new float[d];
        for (int s = 0; s < sample.length; s++) {
            x.rows().get(sample[s] * d, row);
            rows.put(s * d, row);
        }
        float[] centroids = new float[k * d];
        double[] distance = new double[sample.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        FloatBuffer candidates = MatrixProduct.allocate((long) TRIALS * d);
        FloatBuffer similarity = MatrixProduct.allocate((long) TRIALS * sample.length);
        int[] picks = {sample.length == 0 ? 0 : random.nextInt(sample.length)};
        double total = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            // Greedy k-means++: of a few candidates drawn alike, keep the one that lowers the total distance most.
            for (int t = 0; t < picks.length; t++) {
                rows.get(picks[t] * d, row);
                candidates.put(t * d, row);
            }
            product.timesTransposed(candidates, picks.length, rows, sample.length, d, similarity);
            int chosen = 0;
            double chosenTotal = Double.POSITIVE_INFINITY;
            for (int t = 0; t < picks.length; t++) {
                double sum = 0;
                for (int s = 0; s < sample.length; s++) {
                    sum += Math.min(distance[s], Math.max(0, 1 - similarity.get(t * sample.length + s)));
                }
                if (sum < chosenTotal) {
                    chosenTotal = sum;
                    chosen = t;
                }
            }
            for (int s = 0; s < sample.length; s++) {
                distance[s] = Math.min(distance[s], Math.max(0, 1 - similarity.get(chosen * sample.length + s)));
            }
            rows.get(picks[chosen] * d, row);
            System.arraycopy(row, 0, centroids, c * d, d);
            total = chosenTotal;
            picks = new int[TRIALS];
            for (int t = 0; t < TRIALS; t++) picks[t] = draw(distance, total, random);
        }
        return centroids;
    }

    private static int draw(double[] weight, double total, Random random) {
        if (!(total > 0)) return random.nextInt(weight.length);
        double target = random.nextDouble() * total;
        for (int s = 0; s < weight.length; s++) {
            target -= weight[s];
            if (target <= 0 && weight[s] > 0) return s;
        }
        for (int s = weight.length - 1; s >= 0; s--) if (weight[s] > 0) return s;
        return 0;
    }

    /** Each row to its most similar centroid (the lower one on a tie); whether any row moved. */
    private boolean assign(NormalizedRows x, float[] centroids, int k, int[] assigned, float[] best) {
        int d = x.d();
        FloatBuffer centres = MatrixProduct.allocate((long) k * d).put(0, centroids);
        int block = Math.min(BLOCK_ROWS, x.n());
        FloatBuffer products = MatrixProduct.allocate((long) block * k);
        boolean changed = false;
        for (int r0 = 0; r0 < x.n(); r0 += block) {
            int rb = Math.min(block, x.n() - r0);
            product.timesTransposed(x.rows().duplicate().position(r0 * d), rb, centres, k, d, products);
            for (int r = 0; r < rb; r++) {
                int top = 0;
                float topValue = products.get(r * k);
                for (int c = 1; c < k; c++) {
                    float v = products.get(r * k + c);
                    if (v > topValue) {
                        topValue = v;
                        top = c;
                    }
                }
                if (assigned[r0 + r] != top) changed = true;
                assigned[r0 + r] = top;
                best[r0 + r] = topValue;
            }
        }
        return changed;
    }

    /** Centroids as normalised means; an empty cluster takes the row worst served by its centroid. */
    private static void update(NormalizedRows x, float[] centroids, int k, int[] assigned, float[] best) {
        int d = x.d();
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        float[] row = new float[d];
        for (int i = 0; i < x.n(); i++) {
            x.rows().get(i * d, row);
            int c = assigned[i];
            counts[c]++;
            for (int t = 0; t < d; t++) sums[c * d + t] += row[t];
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int worst = 0;
                for (int i = 1; i < x.n(); i++) if (best[i] < best[worst]) worst = i;
                best[worst] = Float.POSITIVE_INFINITY;
                x.rows().get(worst * d, row);
                System.arraycopy(row, 0, centroids, c * d, d);
                continue;
            }
            double norm = 0;
            for (int t = 0; t < d; t++) norm += sums[c * d + t] * sums[c * d + t];
            double scale = 1 / Math.max(Math.sqrt(norm), CosineMatrix.EPSILON);
            for (int t = 0; t < d; t++) centroids[c * d + t] = (float) (sums[c * d + t] * scale);
        }
    }

    private Clusters order(NormalizedRows x, float[] centroids, int k, int[] assigned) {
        int d = x.d();
        float[] centroidCosine = product.timesTransposed(centroids, k, centroids, k, d);
        ClusterTree tree = ClusterOrder.tree(centroidCosine, k);
        int[] clusterOrder = k <= 2 ? IntStream.range(0, k).toArray() : tree.leafOrder();
        int[] rank = new int[k];
        for (int p = 0; p < k; p++) rank[clusterOrder[p]] = p;
        double[] along = new double[x.n()];
        float[] row = new float[d];
        float[][] direction = new float[k][];
        for (int p = 0; p < k; p++) direction[clusterOrder[p]] = direction(centroids, d, clusterOrder, p);
        for (int i = 0; i < x.n(); i++) {
            x.rows().get(i * d, row);
            float[] line = direction[assigned[i]];
            double dot = 0;
            for (int t = 0; t < d; t++) dot += (double) row[t] * line[t];
            along[i] = dot;
        }
        int[] order = IntStream.range(0, x.n()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> rank[assigned[i]])
                        .thenComparingDouble(i -> along[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        int[] cluster = new int[x.n()];
        for (int i = 0; i < cluster.length; i++) cluster[i] = rank[assigned[i]];
        // Renumber the centroid tree's leaves by rank too, so that its cut speaks of the same cluster numbers.
        int[] left = tree.left().clone();
        int[] right = tree.right().clone();
        for (int m = 0; m < left.length; m++) {
            if (left[m] < k) left[m] = rank[left[m]];
            if (right[m] < k) right[m] = rank[right[m]];
        }
        return new Clusters(k, cluster, order, new ClusterTree(k, left, right, tree.height().clone()));
    }

    /** From the previous cluster's centroid towards the next one's (a single cluster: its own centroid). */
    private static float[] direction(float[] centroids, int d, int[] clusterOrder, int p) {
        int k = clusterOrder.length;
        int from = clusterOrder[Math.max(0, p - 1)];
        int to = clusterOrder[Math.min(k - 1, p + 1)];
        float[] line = new float[d];
        for (int t = 0; t < d; t++) line[t] = centroids[to * d + t] - centroids[from * d + t];
        if (from == to) System.arraycopy(centroids, clusterOrder[p] * d, line, 0, d);
        return line;
    }
}
