package org.simexplorer.embedding;

import java.util.List;
import java.util.Optional;

/**
 * Models beyond the built-in ones, each defined on top of a catalogue model. The catalogue asks for them through
 * this interface so that the core stays free of storage; a feature (adapter training) implements it.
 */
public interface ExtraModels {

    /** A model that embeds with its base model, then maps the base's unit vectors to its own. */
    interface ExtraModel {
        /** The id clients use, for example {@code all-minilm-l6-v2:support-tickets}. */
        String id();

        /** The catalogue id of the model it builds on. */
        String base();

        /** The length of its vectors. */
        int dimension();

        /** The dataset whose labels made it, so that pickers can group models by dataset; null when none. */
        default Long datasetId() {
            return null;
        }

        /**
         * Tells apart models that had this id one after another (a deleted adapter whose name is reused), so that
         * what an instance keeps for one is never served for the next; 0 when the id is never reused.
         */
        default long version() {
            return 0;
        }

        /** Its unit-length vectors from the base model's, row by row. */
        float[][] apply(float[][] baseVectors);
    }

    /** Every extra model, in a stable order. */
    List<ExtraModel> list();

    Optional<ExtraModel> find(String id);
}
