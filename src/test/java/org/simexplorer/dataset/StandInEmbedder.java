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
    private final String model;
    private final int dimension;

    public StandInEmbedder() {
        this(MODEL, 8);
    }

    /**
     * A stand-in that answers under a catalogue model's id with that model's dimension, for data tests of what is
     * built on a catalogue model (adapters); its vectors carry no meaning either.
     */
    protected StandInEmbedder(String model, int dimension) {
        this.model = model;
        this.dimension = dimension;
    }

    @Override
    public synchronized Embeddings embed(List<String> sentences, String model) {
        String id = model == null ? this.model : model;
        if (!id.equals(this.model)) {
            throw new NotFoundException("Unknown model '" + model + "'.");
        }
        calls.add(List.copyOf(sentences));
        float[][] vectors = new float[sentences.size()][];
        for (int k = 0; k < sentences.size(); k++) vectors[k] = vector(sentences.get(k), dimension);
        return new Embeddings(id, vectors, List.of());
    }

    @Override
    public String defaultModel() {
        return model;
    }

    synchronized int embeddedCount() {
        return calls.stream().mapToInt(List::size).sum();
    }

    synchronized void reset() {
        calls.clear();
    }

    static float[] vector(String text) {
        return vector(text, 8);
    }

    static float[] vector(String text, int dimension) {
        Random random = new Random(java.util.Arrays.hashCode(text.getBytes(StandardCharsets.UTF_8)));
        float[] v = new float[dimension];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) random.nextGaussian();
            norm += v[k] * v[k];
        }
        for (int k = 0; k < v.length; k++) v[k] /= (float) Math.sqrt(norm);
        return v;
    }
}
