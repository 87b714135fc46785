package org.simexplorer.similarity;

/**
 * Orders items so that similar ones sit next to each other: the leaf order of average-linkage (UPGMA)
 * hierarchical clustering on the distance 1 − cosine.
 *
 * <p>Uses the nearest-neighbour-chain algorithm, which is exact for average linkage (it is reducible)
 * and runs in O(N²) time with one N×N float working matrix.
 */
public final class ClusterOrder {

    private ClusterOrder() {
    }

    /**
     * @param cosine an N×N symmetric similarity matrix (row-major, N·N floats)
     * @param n      the number of items
     * @return a permutation of 0..N-1
     */
    public static int[] of(float[] cosine, int n) {
        if (n <= 2) {
            if (cosine.length != (long) n * n) {
                throw new IllegalArgumentException("expected " + n + "×" + n + " values, got " + cosine.length);
            }
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) identity[i] = i;
            return identity;
        }
        return tree(cosine, n).leafOrder();
    }

    /**
     * The average-linkage merge tree on the distance 1 − cosine, in the order the merges were made.
     *
     * <p>One unit on purpose, over the 60-line guide: the nearest-neighbour chain, the merge and the Lance–Williams
     * update share the working matrix and the chain stack, and splitting them would pass all that state around in
     * the innermost O(N²) loop.
     *
     * @param cosine an N×N symmetric similarity matrix (row-major, N·N floats)
     * @param n      the number of items
     */
    public static ClusterTree tree(float[] cosine, int n) {
        if (cosine.length != (long) n * n) {
            throw new IllegalArgumentException("expected " + n + "×" + n + " values, got " + cosine.length);
        }
        if (n == 0) return new ClusterTree(0, new int[0], new int[0], new float[0]);
        float[] distance = new float[n * n];
        for (int k = 0; k < distance.length; k++) {
            distance[k] = 1f - cosine[k];
        }
        // Each active slot holds one cluster; node ids 0..n-1 are leaves, n.. are merges.
        int[] nodeOfSlot = new int[n];
        int[] size = new int[n];
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            nodeOfSlot[i] = i;
            size[i] = 1;
            active[i] = true;
        }
        int[] left = new int[n - 1];
        int[] right = new int[n - 1];
        float[] height = new float[n - 1];
        int merges = 0;

        int[] chain = new int[n];
        int chainLength = 0;
        int nextStart = 0;
        while (merges < n - 1) {
            if (chainLength == 0) {
                while (!active[nextStart]) nextStart++;
                chain[chainLength++] = nextStart;
            }
            int a = chain[chainLength - 1];
            int previous = chainLength >= 2 ? chain[chainLength - 2] : -1;
            // Nearest active neighbour of a; on a tie prefer the previous chain element so the chain ends.
            int b = previous;
            float best = previous >= 0 ? distance[a * n + previous] : Float.POSITIVE_INFINITY;
            int rowA = a * n;
            for (int k = 0; k < n; k++) {
                if (k == a || !active[k]) continue;
                float d = distance[rowA + k];
                if (d < best) {
                    best = d;
                    b = k;
                }
            }
            if (b != previous) {
                chain[chainLength++] = b;
                continue;
            }
            // a and b are reciprocal nearest neighbours: merge them into slot a.
            chainLength -= 2;
            int sizeA = size[a];
            int sizeB = size[b];
            float weightA = (float) sizeA / (sizeA + sizeB);
            float weightB = (float) sizeB / (sizeA + sizeB);
            int rowB = b * n;
            for (int k = 0; k < n; k++) {
                if (!active[k] || k == a || k == b) continue;
                float d = weightA * distance[rowA + k] + weightB * distance[rowB + k];
                distance[rowA + k] = d;
                distance[k * n + a] = d;
            }
            active[b] = false;
            left[merges] = nodeOfSlot[a];
            right[merges] = nodeOfSlot[b];
            height[merges] = best;
            nodeOfSlot[a] = n + merges;
            size[a] = sizeA + sizeB;
            merges++;
        }
        return new ClusterTree(n, left, right, height);
    }

    /** Convenience for a square matrix given as rows. */
    public static int[] of(float[][] cosine) {
        int n = cosine.length;
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(cosine[i], 0, flat, i * n, n);
        }
        return of(flat, n);
    }
}
