package org.simexplorer.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the safetensors format from its specification: an unsigned 64-bit little-endian header length, a UTF-8
 * JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data. The header is
 * padded with spaces to a multiple of 8 bytes, as the reference implementation does, so data stays aligned.
 */
public final class Safetensors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Safetensors() {
    }

    /** A float32 tensor: {@code values} row-major with the given shape. */
    public record Tensor(List<Integer> shape, float[] values) {

        public Tensor {
            long count = 1;
            for (int dimension : shape) count *= dimension;
            if (count != values.length) {
                throw new IllegalArgumentException("shape " + shape + " holds " + count + " values, not "
                        + values.length);
            }
        }
    }

    /**
     * @param tensors  by name, written in this order
     * @param metadata string pairs stored under "__metadata__", or empty
     */
    public static byte[] write(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) header.put("__metadata__", metadata);
        long offset = 0;
        for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
            long bytes = 4L * entry.getValue().values().length;
            header.put(entry.getKey(), Map.of("dtype", "F32", "shape", entry.getValue().shape(),
                    "data_offsets", List.of(offset, offset + bytes)));
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(json);
        for (int k = json.length; k < padded; k++) out.put((byte) ' ');
        for (Tensor tensor : tensors.values()) {
            for (float value : tensor.values()) out.putFloat(value);
        }
        return out.array();
    }

    /**
     * An adapter W (D×K, applied as e·W) as torch's {@code nn.Linear(D, K, bias=False)} holds it: "linear.weight"
     * of shape K×D, which is Wᵀ.
     */
    public static byte[] linearWeight(float[][] w, Map<String, String> metadata) {
        int d = w.length;
        int k = d == 0 ? 0 : w[0].length;
        float[] transposed = new float[k * d];
        for (int row = 0; row < d; row++) {
            for (int column = 0; column < k; column++) transposed[column * d + row] = w[row][column];
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("linear.weight", new Tensor(List.of(k, d), transposed));
        return write(tensors, metadata);
    }
}
