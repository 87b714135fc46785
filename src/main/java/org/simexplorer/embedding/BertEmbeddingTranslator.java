package org.simexplorer.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds a padded {@link TokenBatch} to a BERT ONNX graph and pools its last_hidden_state in plain Java,
 * so no second engine (PyTorch) is needed for the pooling.
 */
final class BertEmbeddingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    private final Pooling pooling;
    private final boolean includeTokenTypes;

    BertEmbeddingTranslator(Pooling pooling, boolean includeTokenTypes) {
        this.pooling = pooling;
        this.includeTokenTypes = includeTokenTypes;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.size(), batch.length());
        NDArray ids = manager.create(batch.ids(), shape);
        ids.setName("input_ids");
        NDArray mask = manager.create(batch.mask(), shape);
        mask.setName("attention_mask");
        ctx.setAttachment("batch", batch);
        if (!includeTokenTypes) {
            return new NDList(ids, mask);
        }
        NDArray types = manager.create(batch.types(), shape);
        types.setName("token_type_ids");
        return new NDList(ids, mask, types);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment("batch");
        NDArray hidden = list.contains("last_hidden_state") ? list.get("last_hidden_state") : list.get(0);
        long[] shape = hidden.getShape().getShape();
        if (shape.length != 3 || shape[0] != batch.size() || shape[1] != batch.length()) {
            throw new IllegalStateException("Expected last_hidden_state [" + batch.size() + ", " + batch.length()
                    + ", dim] but the model returned " + hidden.getShape());
        }
        return TokenPooling.pool(hidden.toFloatArray(), batch.mask(), batch.size(), batch.length(), (int) shape[2], pooling);
    }
}
