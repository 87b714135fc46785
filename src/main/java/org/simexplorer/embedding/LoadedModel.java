package org.simexplorer.embedding;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One model held in memory: its tokenizer, its ONNX Runtime session and a pool of predictors, since a DJL
 * Predictor must not be used by two threads at once.
 */
final class LoadedModel implements AutoCloseable {

    private final ModelSpec spec;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<TokenBatch, float[][]> model;
    private final BlockingQueue<Predictor<TokenBatch, float[][]>> predictors;
    private final List<Predictor<TokenBatch, float[][]>> allPredictors = new ArrayList<>();
    private final int batchSize;
    private final Meters meters;

    /** What the model reports: sentences it embedded, and the time of each forward pass. */
    record Meters(Counter sentences, Timer batches) {
    }

    LoadedModel(ModelSpec spec, ModelFiles.Paths files, EmbeddingProperties properties, Meters meters)
            throws IOException, ModelNotFoundException, MalformedModelException {
        this.spec = spec;
        this.meters = meters;
        this.batchSize = properties.batchSize();
        // Truncation and padding are set here, not taken from tokenizer.json: MiniLM's file pads every
        // sentence to 128 and cuts there. We cut at the model's limit and pad per batch ourselves.
        this.tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(files.tokenizer())
                .optMaxLength(spec.maxTokens())
                .optTruncation(true)
                .optPadding(false)
                .optAddSpecialTokens(true)
                .build();
        String threads = String.valueOf(properties.intraOpThreads());
        Criteria<TokenBatch, float[][]> criteria = Criteria.builder()
                .setTypes(TokenBatch.class, float[][].class)
                .optModelPath(files.onnx())
                .optEngine("OnnxRuntime")
                .optTranslator(new BertEmbeddingTranslator(spec.pooling(), spec.tokenTypes()))
                .optOption("interOpNumThreads", "1")
                .optOption("intraOpNumThreads", threads)
                .optOption("executionMode", "SEQUENTIAL")
                .build();
        this.model = criteria.loadModel();
        this.predictors = new ArrayBlockingQueue<>(properties.predictors());
        for (int i = 0; i < properties.predictors(); i++) {
            Predictor<TokenBatch, float[][]> predictor = model.newPredictor();
            allPredictors.add(predictor);
            predictors.add(predictor);
        }
    }

    ModelSpec spec() {
        return spec;
    }

    Embeddings embed(List<String> sentences) {
        Encoding[] encodings = tokenizer.batchEncode(sentences);
        int[] lengths = new int[encodings.length];
        List<Integer> truncated = new ArrayList<>();
        for (int i = 0; i < encodings.length; i++) {
            lengths[i] = encodings[i].getIds().length;
            if (encodings[i].exceedMaxLength()) truncated.add(i);
        }
        float[][] vectors = new float[sentences.size()][];
        Predictor<TokenBatch, float[][]> predictor = borrow();
        try {
            for (int[] batch : LengthBatches.plan(lengths, batchSize)) {
                List<long[]> ids = new ArrayList<>(batch.length);
                List<long[]> types = new ArrayList<>(batch.length);
                for (int index : batch) {
                    ids.add(encodings[index].getIds());
                    types.add(encodings[index].getTypeIds());
                }
                long start = System.nanoTime();
                float[][] pooled = predictor.predict(TokenBatch.pad(ids, types));
                meters.batches().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                meters.sentences().increment(batch.length);
                for (int k = 0; k < batch.length; k++) vectors[batch[k]] = pooled[k];
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("Inference failed on model " + spec.id(), e);
        } finally {
            predictors.add(predictor);
        }
        return new Embeddings(spec.id(), vectors, List.copyOf(truncated));
    }

    private Predictor<TokenBatch, float[][]> borrow() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free predictor", e);
        }
    }

    @Override
    public void close() {
        allPredictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
