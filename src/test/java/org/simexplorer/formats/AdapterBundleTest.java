package org.simexplorer.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterBundleTest {

    @Test
    void theZipHoldsWAsLinearWeightAndAScriptThatCompiles(@TempDir Path dir) throws Exception {
        float[][] w = new float[4][3];
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 3; column++) w[row][column] = row * 10 + column;
        }
        Map<String, byte[]> files = SafetensorsReader.unzip(
                AdapterBundle.zip("all-minilm-l6-v2:tickets", "all-minilm-l6-v2", w));
        assertThat(files.keySet()).containsExactly("adapter.safetensors", "load_adapter.py");

        SafetensorsReader tensor = SafetensorsReader.read(files.get("adapter.safetensors"));
        assertThat(tensor.header().get("__metadata__").get("adapter").asString()).isEqualTo("all-minilm-l6-v2:tickets");
        assertThat(tensor.shape("linear.weight")).containsExactly(3, 4);
        float[] linear = tensor.values("linear.weight");
        for (int out = 0; out < 3; out++) {
            for (int in = 0; in < 4; in++) assertThat(linear[out * 4 + in]).isEqualTo(w[in][out]);
        }

        String script = new String(files.get("load_adapter.py"), StandardCharsets.UTF_8);
        assertThat(script).contains("Dense(4, 3, bias=False, activation_function=torch.nn.Identity())")
                .contains("Normalize()").contains("BASE_MODEL = \"sentence-transformers/all-MiniLM-L6-v2\"");
        if (PythonCompile.available()) PythonCompile.assertCompiles(script, dir);
        String ownBase = AdapterBundle.script("mine:x", "mine", 4, 3);
        assertThat(ownBase).contains("BASE_MODEL = None").contains("MODEL_PATH");
        if (PythonCompile.available()) PythonCompile.assertCompiles(ownBase, dir);
    }
}
