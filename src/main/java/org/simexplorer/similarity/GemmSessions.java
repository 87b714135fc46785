package org.simexplorer.similarity;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.simexplorer.embedding.DjlSettings;

/** The two one-node Gemm sessions {@link MatrixProduct} runs ({@code A · Bᵀ} and {@code A · B}), started lazily. */
final class GemmSessions implements AutoCloseable {

    private final int threads;
    /**
     * ONNX Runtime and the Gemm session start on the first product that needs them, not in the constructor: loading
     * ORT's native library took seconds of the app's start-up, before the port opened, for the sake of a heatmap
     * that nobody has asked for yet. The default model's background load starts the engine anyway.
     */
    private volatile OrtSession gemm;
    /** The same for {@code A · B}, started on its first product. */
    private volatile OrtSession plainGemm;
    private volatile OrtEnvironment environment;


    GemmSessions(int threads) {
        this.threads = threads;
    }

    /** ORT's environment; valid once a session has been asked for. */
    OrtEnvironment environment() {
        return environment;
    }

    OrtSession transposed() {
        OrtSession session = gemm;
        if (session != null) {
            return session;
        }
        synchronized (this) {
            if (gemm == null) {
                gemm = createTransposed();
            }
            return gemm;
        }
    }

    OrtSession plain() {
        OrtSession session = plainGemm;
        if (session != null) {
            return session;
        }
        transposed();
        synchronized (this) {
            if (plainGemm == null) {
                plainGemm = createSession(GemmGraph.plain());
            }
            return plainGemm;
        }
    }

    private OrtSession createTransposed() {
        // DJL's engine must own ORT's process-wide environment, so it is created first, and offline even when
        // this class is used outside the Spring app (tests, benchmarks).
        DjlSettings.apply();
        Engine.getEngine("OnnxRuntime");
        environment = OrtEnvironment.getEnvironment();
        return createSession(GemmGraph.transposedB());
    }

    private OrtSession createSession(byte[] graph) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setMemoryPatternOptimization(false);
            // Workers may spin within a run (no slower than sleeping workers in bench similarity) but
            // stop when it ends, so they leave the cores to the model and the web server between calls.
            options.addConfigEntry("session.intra_op.allow_spinning", "1");
            options.addConfigEntry("session.force_spinning_stop", "1");
            return environment.createSession(graph, options);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot create the ONNX Runtime Gemm session", e);
        }
    }

    @Override
    public synchronized void close() {
        if (gemm == null) {
            return;
        }
        try {
            if (plainGemm != null) plainGemm.close();
            gemm.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the Gemm session", e);
        }
    }
}
