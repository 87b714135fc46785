package org.simexplorer.embedding;

import org.simexplorer.errors.DomainException;
import java.util.List;

/** Turns sentences into embeddings with a catalogue model. Safe for concurrent use. */
public interface SentenceEmbedder {

    /**
     * @param model a catalogue id, or null for the default model
     * @throws org.simexplorer.errors.DomainException 404 when the model id is unknown
     */
    Embeddings embed(List<String> sentences, String model);

    /** The id used when a request names no model. */
    String defaultModel();
}
