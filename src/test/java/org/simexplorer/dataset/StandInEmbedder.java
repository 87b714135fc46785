package org.simexplorer.dataset;

import org.simexplorer.errors.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.simexplorer.embedding.Embeddings;
import org.simexplorer.embedding.SentenceEmbedder;

/**
 * A stand-in for storage tests only: it gives each text a fixed pseudo-random unit vector (it is not a model
 * and no test reads meaning into its numbers) and records every call, so tests can see what was embedded.
 * Tests where embeddings matter use the real model.
 */
public class StandInEmbedder implements SentenceEmbedder {

    public static final String MODEL = "stand-in";

    final List<List<String>> calls = new ArrayList<>();

    @Override
    public synchronized Embeddings embed(List<String> sentences, String model) {
        String id = model == null ? MODEL : model;
        if (!id.equals(MODEL)) {
            throw new NotFoundException("Unknown model '" + model + "'.");
        }
        calls.add(List.copyOf(sentences));
        float[][] vectors = new float[sentences.size()][];
        for (int k = 0; k < sentences.size(); k++) vectors[k] = vector(sentences.get(k));
        return new Embeddings(id, vectors, List.of());
    }

    @Override
    public String defaultModel() {
        return MODEL;
    }

    synchronized int embeddedCount() {
        return calls.stream().mapToInt(List::size).sum();
    }

    synchronized void reset() {
        calls.clear();
    }

    static float[] vector(String text) {
        Random random = new Random(java.util.Arrays.hashCode(text.getBytes(StandardCharsets.UTF_8)));
        float[] v = new float[8];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) random.nextGaussian();
            norm += v[k] * v[k];
        }
        for (int k = 0; k < v.length; k++) v[k] /= (float) Math.sqrt(norm);
        return v;
    }
}
