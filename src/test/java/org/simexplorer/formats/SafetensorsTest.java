package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the file back by the specification, independently of the writer. */
class SafetensorsTest {

    @Test
    void anAdapterReadsBackAsLinearWeightOfShapeKByD() {
        float[][] w = {{1, 2, 3}, {4, 5, 6}}; // D = 2, K = 3
        byte[] file = Safetensors.linearWeight(w, Map.of("base", "all-minilm-l6-v2"));
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = in.getLong();
        assertThat(headerLength % 8).isZero();
        String header = new String(file, 8, (int) headerLength, StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(header);
        assertThat(json.get("__metadata__").get("base").asString()).isEqualTo("all-minilm-l6-v2");
        JsonNode weight = json.get("linear.weight");
        assertThat(weight.get("dtype").asString()).isEqualTo("F32");
        assertThat(weight.get("shape").toString()).isEqualTo("[3,2]");
        assertThat(weight.get("data_offsets").toString()).isEqualTo("[0,24]");
        assertThat(file.length).isEqualTo(8 + headerLength + 24);
        in.position((int) (8 + headerLength));
        float[][] linear = new float[3][2];
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 2; column++) linear[row][column] = in.getFloat();
        }
        // nn.Linear computes x·weightᵀ, so weight = Wᵀ.
        assertThat(linear).isDeepEqualTo(new float[][] {{1, 4}, {2, 5}, {3, 6}});
    }

    @Test
    void tensorsFollowEachOtherInOrder() {
        var tensors = new java.util.LinkedHashMap<String, Safetensors.Tensor>();
        tensors.put("a", new Safetensors.Tensor(java.util.List.of(2), new float[] {1.5f, -2}));
        tensors.put("b", new Safetensors.Tensor(java.util.List.of(1, 1), new float[] {7}));
        byte[] file = Safetensors.write(tensors, Map.of());
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = in.getLong();
        JsonNode json = JsonMapper.builder().build().readTree(new String(file, 8, (int) headerLength,
                StandardCharsets.UTF_8));
        assertThat(json.has("__metadata__")).isFalse();
        assertThat(json.get("b").get("data_offsets").toString()).isEqualTo("[8,12]");
        in.position((int) (8 + headerLength));
        assertThat(new float[] {in.getFloat(), in.getFloat(), in.getFloat()}).containsExactly(1.5f, -2, 7);
    }
}
