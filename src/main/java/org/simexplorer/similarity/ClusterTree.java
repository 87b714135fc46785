package org.simexplorer.similarity;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A hierarchical clustering of N items as its N − 1 merges: merge m joins nodes {@code left[m]} and
 * {@code right[m]} (ids below N are items, N + m is the node merge m made) at distance {@code height[m]}.
 */
public record ClusterTree(int n, int[] left, int[] right, float[] height) {

    /** Items in the order a depth-first walk meets them, left subtree first: similar items sit together. */
    public int[] leafOrder() {
        int[] order = new int[n];
        if (n <= 1) return order;
        int filled = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(n + left.length - 1);
        while (!stack.isEmpty()) {
            int node = stack.pop();
            if (node < n) {
                order[filled++] = node;
            } else {
                // Push right first so the left subtree comes out first.
                stack.push(right[node - n]);
                stack.push(left[node - n]);
            }
        }
        return order;
    }

    /**
     * Cuts the tree into k groups by undoing its k − 1 highest merges. Average linkage never merges below an
     * earlier merge it contains, so keeping the N − k lowest merges gives exactly the k subtrees under the cut.
     *
     * @return the group of each item, numbered 0..k-1 in the order their first item appears
     */
    public int[] cut(int k) {
        if (k < 1 || k > Math.max(n, 1)) {
            throw new IllegalArgumentException("k must be between 1 and " + n + ", not " + k);
        }
        // A merge is never lower than the merges inside it, except by float rounding: lift it to them, so that
        // with the stable sort (equal heights keep merge order) a merge always comes after its children.
        float[] level = new float[left.length];
        for (int m = 0; m < level.length; m++) {
            level[m] = Math.max(height[m], Math.max(levelOf(level, left[m]), levelOf(level, right[m])));
        }
        Integer[] byHeight = new Integer[left.length];
        for (int m = 0; m < byHeight.length; m++) byHeight[m] = m;
        Arrays.sort(byHeight, (a, b) -> Float.compare(level[a], level[b]));
        int[] parent = new int[n + left.length];
        for (int node = 0; node < parent.length; node++) parent[node] = node;
        for (int r = 0; r < n - k; r++) {
            int m = byHeight[r];
            parent[find(parent, left[m])] = n + m;
            parent[find(parent, right[m])] = n + m;
        }
        int[] group = new int[n];
        int[] groupOfRoot = new int[parent.length];
        Arrays.fill(groupOfRoot, -1);
        int groups = 0;
        for (int item = 0; item < n; item++) {
            int root = find(parent, item);
            if (groupOfRoot[root] < 0) groupOfRoot[root] = groups++;
            group[item] = groupOfRoot[root];
        }
        return group;
    }

    private float levelOf(float[] level, int node) {
        return node < n ? Float.NEGATIVE_INFINITY : level[node - n];
    }

    private static int find(int[] parent, int node) {
        int root = node;
        while (parent[root] != root) root = parent[root];
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }
}
