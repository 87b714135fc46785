package org.simexplorer.labels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Consistency of a dataset's labels, read as a graph whose edges are the +1 labels (plain Java, no Spring).
 *
 * <ul>
 * <li>A <em>conflict</em> is a −1 label between two sentences that a chain of +1 labels joins (union-find finds
 * them; breadth-first search gives the shortest chain).</li>
 * <li>An <em>implied</em> pair is an unlabelled pair inside a +1 component (A~B and B~C, so A~C?). Only the
 * {@code cap} pairs with the shortest chains are kept, ties by (i, j).</li>
 * </ul>
 * These are warnings, not errors: graded similarity is not always transitive.
 */
final class LabelConsistency {

    /** A pair i &lt; j and the shortest +1 chain from i to j, as sentence indices (i first, j last). */
    record Chain(int i, int j, List<Integer> path) {
    }

    record Report(List<Chain> conflicts, List<Chain> implied) {
    }

    /** A label as the check reads it: the pair and +1 or −1. */
    record Edge(int i, int j, int label) {
    }

    private LabelConsistency() {
    }

    static Report check(int n, List<Edge> labels, int cap) {
        int[] parent = new int[n];
        Arrays.setAll(parent, k -> k);
        Map<Integer, List<Integer>> similar = new HashMap<>();
        Set<Long> labelled = new HashSet<>();
        for (Edge e : labels) {
            checkIndex(e.i(), n);
            checkIndex(e.j(), n);
            labelled.add(key(e.i(), e.j()));
            if (e.label() > 0) {
                similar.computeIfAbsent(e.i(), k -> new ArrayList<>()).add(e.j());
                similar.computeIfAbsent(e.j(), k -> new ArrayList<>()).add(e.i());
                union(parent, e.i(), e.j());
            }
        }
        return new Report(conflicts(labels, parent, similar), implied(n, parent, similar, labelled, cap));
    }

    private static List<Chain> conflicts(List<Edge> labels, int[] parent, Map<Integer, List<Integer>> similar) {
        Map<Integer, int[]> treeFrom = new HashMap<>();
        List<Chain> conflicts = new ArrayList<>();
        for (Edge e : labels) {
            if (e.label() >= 0 || find(parent, e.i()) != find(parent, e.j())) {
                continue;
            }
            int i = Math.min(e.i(), e.j());
            int j = Math.max(e.i(), e.j());
            int[] tree = treeFrom.computeIfAbsent(i, source -> bfs(source, similar, parent.length, Integer.MAX_VALUE).parent);
            conflicts.add(new Chain(i, j, path(tree, i, j)));
        }
        conflicts.sort(Comparator.comparingInt(Chain::i).thenComparingInt(Chain::j));
        return conflicts;
    }

    /**
     * Breadth-first search from every sentence with +1 labels, keeping the cap shortest (length, i, j) unlabelled
     * pairs in a max-heap. Once the heap is full, a search stops at the longest chain it holds.
     */
    private static List<Chain> implied(int n, int[] parent, Map<Integer, List<Integer>> similar, Set<Long> labelled,
            int cap) {
        Comparator<Chain> shortestFirst = Comparator.comparingInt((Chain c) -> c.path().size())
                .thenComparingInt(Chain::i).thenComparingInt(Chain::j);
        PriorityQueue<Chain> kept = new PriorityQueue<>(shortestFirst.reversed());
        if (cap <= 0) {
            return List.of();
        }
        List<Integer> sources = new ArrayList<>(similar.keySet());
        sources.sort(null);
        for (int a : sources) {
            int depthLimit = kept.size() < cap ? Integer.MAX_VALUE : kept.peek().path().size() - 1;
            Search search = bfs(a, similar, n, depthLimit);
            for (int b : search.reached) {
                int d = search.distance[b];
                if (b <= a || d < 2 || labelled.contains(key(a, b))) {
                    continue;
                }
                if (kept.size() == cap) {
                    Chain worst = kept.peek();
                    boolean shorter = d + 1 < worst.path().size()
                            || d + 1 == worst.path().size() && (a < worst.i() || a == worst.i() && b < worst.j());
                    if (!shorter) {
                        continue;
                    }
                    kept.poll();
                }
                kept.add(new Chain(a, b, path(search.parent, a, b)));
            }
        }
        List<Chain> implied = new ArrayList<>(kept);
        implied.sort(shortestFirst);
        return implied;
    }

    private record Search(int[] parent, int[] distance, List<Integer> reached) {
    }

    private static Search bfs(int source, Map<Integer, List<Integer>> similar, int n, int depthLimit) {
        int[] parent = new int[n];
        int[] distance = new int[n];
        Arrays.fill(parent, -2);
        parent[source] = -1;
        List<Integer> reached = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(source);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            reached.add(v);
            if (distance[v] >= depthLimit) {
                continue;
            }
            for (int w : similar.getOrDefault(v, List.of())) {
                if (parent[w] == -2) {
                    parent[w] = v;
                    distance[w] = distance[v] + 1;
                    queue.add(w);
                }
            }
        }
        return new Search(parent, distance, reached);
    }

    private static List<Integer> path(int[] parent, int from, int to) {
        ArrayList<Integer> path = new ArrayList<>();
        for (int v = to; v != -1; v = parent[v]) {
            path.add(v);
        }
        java.util.Collections.reverse(path);
        if (path.get(0) != from) {
            throw new IllegalStateException("No +1 chain from " + from + " to " + to);
        }
        return List.copyOf(path);
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static long key(int i, int j) {
        return (long) Math.min(i, j) << 32 | Math.max(i, j);
    }

    private static void checkIndex(int index, int n) {
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("Sentence index " + index + " is outside 0.." + (n - 1));
        }
    }
}
