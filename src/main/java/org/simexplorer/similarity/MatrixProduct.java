package org.simexplorer.similarity;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code C = A · Bᵀ} for row-major float matrices on the fastest route measured here: ONNX Runtime's
 * Gemm kernel (MLAS), run as a one-node graph built in memory, reading and writing caller-owned direct
 * buffers so nothing is copied across JNI. Products too small to pay for the JNI round trip run in
 * plain Java with double accumulators. Safe for concurrent use: ORT sessions are thread-safe and every
 * call brings its own buffers.
 */
public final class MatrixProduct implements AutoCloseable {

    /**
     * Below this many multiply-adds (m·n·k) plain Java is used. A session run costs about 5 µs however
     * small the product; the plain loop (double accumulators) does about 10⁹ multiply-adds a second, so
     * they cross near 4·10³ (measured by {@code bench similarity}, keys {@code small_*}).
     */
    public static final long DEFAULT_PLAIN_JAVA_BELOW = 4_096;

    private static final long MAX_BUFFER_FLOATS = (Integer.MAX_VALUE - 64) / Float.BYTES;
    /** Scratch kept for the float[] convenience path, in floats (192 MB); the rest is left to the GC. */
    private static final long KEEP_SCRATCH_FLOATS = 48L << 20;

    private final long plainJavaBelow;
    private final int threads;
    private final List<FloatBuffer> scratch = new ArrayList<>();
    private final GemmSessions sessions;

    /** Uses every core and the default plain-Java cut-over. */
    public MatrixProduct() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_PLAIN_JAVA_BELOW);
    }

    /**
     * @param threads        ORT intra-op threads
     * @param plainJavaBelow products with fewer multiply-adds than this skip ORT; 0 forces ORT always
     */
    public MatrixProduct(int threads, long plainJavaBelow) {
        this.threads = threads;
        this.plainJavaBelow = plainJavaBelow;
        this.sessions = new GemmSessions(threads);
    }

    public int threads() {
        return threads;
    }

    /** A zeroed direct buffer in native order, as {@link #timesTransposed(FloatBuffer, int, FloatBuffer, int, int, FloatBuffer)} needs. */
    public static FloatBuffer allocate(long floats) {
        if (floats > MAX_BUFFER_FLOATS) {
            throw new IllegalArgumentException(floats + " floats do not fit one direct buffer: the product is too large.");
        }
        return ByteBuffer.allocateDirect((int) (floats * Float.BYTES)).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * {@code c[m×n] = a[m×k] · b[n×k]ᵀ}. Each buffer is read from its position (the positions are not
     * moved). Direct native-order buffers go to ORT without a copy.
     */
    public void timesTransposed(FloatBuffer a, int m, FloatBuffer b, int n, int k, FloatBuffer c) {
        if (!onGemm(a, m, b, n, k, c)) {
            if (m != 0 && n != 0 && k != 0) PlainProducts.timesTransposed(a, m, b, n, k, c);
            return;
        }
        runGemm(a, m, b, n, k, c);
    }

    /**
     * Checks the shapes of c[m×n] = a[m×k]·(b of n·k floats) and whether the product goes to ORT; when it does
     * not, an empty product is done here (c zeroed when k = 0) and any other is left to the plain route.
     */
    private boolean onGemm(FloatBuffer a, int m, FloatBuffer b, int n, int k, FloatBuffer c) {
        checkShape("a", a, (long) m * k);
        checkShape("b", b, (long) n * k);
        checkShape("c", c, (long) m * n);
        if (m == 0 || n == 0) {
            return false;
        }
        if (k == 0) {
            PlainProducts.fill(c, (long) m * n);
            return false;
        }
        return (long) m * n * k >= plainJavaBelow && a.isDirect() && b.isDirect() && c.isDirect();
    }

    /**
     * {@code c[m×n] = a[m×k] · b[k×n]}, on the same routes as {@link #timesTransposed(FloatBuffer, int, FloatBuffer,
     * int, int, FloatBuffer)}: for a right operand held row by row, which would otherwise have to be transposed.
     */
    public void times(FloatBuffer a, int m, FloatBuffer b, int k, int n, FloatBuffer c) {
        if (!onGemm(a, m, b, n, k, c)) {
            if (m != 0 && n != 0 && k != 0) PlainProducts.times(a, m, b, k, n, c);
            return;
        }
        run(sessions.plain(), a, new long[] {m, k}, b, new long[] {k, n}, c, new long[] {m, n},
                m + "×" + k + " · " + k + "×" + n);
    }

    /** {@code a[m×k] · b[n×k]ᵀ} as a new row-major array. */
    public float[] timesTransposed(float[] a, int m, float[] b, int n, int k) {
        if (a.length != (long) m * k || b.length != (long) n * k) {
            throw new IllegalArgumentException("a must hold m·k and b n·k floats");
        }
        float[] c = new float[Math.multiplyExact(m, n)];
        if ((long) m * n * k < plainJavaBelow || k == 0) {
            PlainProducts.timesTransposed(FloatBuffer.wrap(a), m, FloatBuffer.wrap(b), n, k, FloatBuffer.wrap(c));
            return c;
        }
        FloatBuffer directA = takeScratch(a.length);
        FloatBuffer directB = a == b ? directA : takeScratch(b.length);
        FloatBuffer directC = takeScratch(c.length);
        try {
            directA.put(0, a);
            if (directB != directA) {
                directB.put(0, b);
            }
            runGemm(directA.limit(a.length), m, directB.limit(b.length), n, k, directC.limit(c.length));
            directC.get(0, c);
            return c;
        } finally {
            giveBack(directA);
            if (directB != directA) {
                giveBack(directB);
            }
            giveBack(directC);
        }
    }

    private void runGemm(FloatBuffer a, int m, FloatBuffer b, int n, int k, FloatBuffer c) {
        run(sessions.transposed(), a, new long[] {m, k}, b, new long[] {n, k}, c, new long[] {m, n},
                m + "×" + k + " · (" + n + "×" + k + ")ᵀ");
    }

    /** Y = the session's product of A and B, shaped as given; {@code what} names the product in an error. */
    private void run(OrtSession session, FloatBuffer a, long[] shapeA, FloatBuffer b, long[] shapeB, FloatBuffer c,
            long[] shapeC, String what) {
        OrtEnvironment environment = sessions.environment();
        try (OnnxTensor ta = OnnxTensor.createTensor(environment, view(a, shapeA[0] * shapeA[1]), shapeA);
             OnnxTensor tb = OnnxTensor.createTensor(environment, view(b, shapeB[0] * shapeB[1]), shapeB);
             OnnxTensor tc = OnnxTensor.createTensor(environment, view(c, shapeC[0] * shapeC[1]), shapeC)) {
            // tc is pinned: ORT writes straight into c. Its Result holds nothing we need to read.
            session.run(Map.of("A", ta, "B", tb), Map.of("Y", tc)).close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime Gemm failed for " + what, e);
        }
    }

    /** ORT wants exactly the tensor's elements between position and limit. */
    private static FloatBuffer view(FloatBuffer buffer, long floats) {
        FloatBuffer view = buffer.duplicate();
        view.limit(view.position() + (int) floats);
        return view;
    }

    private static void checkShape(String name, FloatBuffer buffer, long floats) {
        if (buffer.remaining() < floats) {
            throw new IllegalArgumentException(name + " has " + buffer.remaining() + " floats left, needs " + floats);
        }
    }

    /**
     * A direct buffer of at least {@code floats}, reused when one is free, so that repeated products allocate no
     * native memory; its contents are whatever the last user left. Give it back after use.
     */
    public synchronized FloatBuffer takeScratch(int floats) {
        scratch.sort(Comparator.comparingInt(FloatBuffer::capacity));
        for (int i = 0; i < scratch.size(); i++) {
            if (scratch.get(i).capacity() >= floats) {
                return scratch.remove(i).clear();
            }
        }
        return allocate(floats);
    }

    /** Returns a buffer from {@link #takeScratch(int)} for reuse. */
    public synchronized void giveBack(FloatBuffer buffer) {
        long kept = scratch.stream().mapToLong(FloatBuffer::capacity).sum();
        if (kept + buffer.capacity() <= KEEP_SCRATCH_FLOATS) {
            scratch.add(buffer.clear());
        }
    }

    @Override
    public void close() {
        sessions.close();
    }
}
