package org.simexplorer.formats;

import java.util.Map;

/** Where Python finds the model a dataset was embedded with. */
record ModelSource(String huggingFaceId, String note) {

    /** The built-in models by their originals on the Hugging Face hub; the int8 model maps to its fp32 original. */
    private static final Map<String, String> HUB = Map.of(
            "all-minilm-l6-v2", "sentence-transformers/all-MiniLM-L6-v2",
            "all-minilm-l6-v2-q", "sentence-transformers/all-MiniLM-L6-v2",
            "bge-small-en-v1.5", "BAAI/bge-small-en-v1.5",
            "bge-small-zh-v1.5", "BAAI/bge-small-zh-v1.5");

    static ModelSource of(String modelId) {
        String hub = HUB.get(modelId);
        if (hub != null) {
            String note = modelId.endsWith("-q") ? "the int8 model " + modelId + " trains as its fp32 original, "
                    + hub + "." : null;
            return new ModelSource(hub, note);
        }
        int colon = modelId.indexOf(':');
        if (colon > 0) {
            return new ModelSource(null, modelId + " is an adapter on " + modelId.substring(0, colon)
                    + ": give the path of that base model (or its Hugging Face id) as the first argument.");
        }
        return new ModelSource(null, modelId + " is your own model: give the path of its sentence-transformers "
                + "folder as the first argument.");
    }
}
