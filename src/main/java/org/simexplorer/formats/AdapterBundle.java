package org.simexplorer.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A trained adapter for sentence-transformers: adapter.safetensors (W as {@code linear.weight}, K×D) and
 * load_adapter.py, which appends {@code Dense(D, K, bias=False, Identity)} and {@code Normalize()} to the base model.
 */
public final class AdapterBundle {

    private AdapterBundle() {
    }

    /**
     * @param adapterId the model id, {@code <base>:<name>}
     * @param base      the base model's catalogue id
     * @param w         D×K, applied as e·W
     */
    public static byte[] zip(String adapterId, String base, float[][] w) {
        int d = w.length;
        int k = d == 0 ? 0 : w[0].length;
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("adapter", adapterId);
        metadata.put("base", base);
        metadata.put("format", "pt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("adapter.safetensors"));
            zip.write(Safetensors.linearWeight(w, metadata));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("load_adapter.py"));
            zip.write(script(adapterId, base, d, k).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String script(String adapterId, String base, int d, int k) {
        ModelSource source = ModelSource.of(base);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ADAPTER_ID", adapterId.replace("\"", "'").replace("\\", "/"));
        values.put("D", Integer.toString(d));
        values.put("K", Integer.toString(k));
        values.put("BASE_MODEL", source.huggingFaceId() == null ? "None"
                : TrainingBundle.pythonString(source.huggingFaceId()));
        values.put("MODEL_NOTE", source.note() == null ? "" : "# " + source.note());
        values.put("USAGE_MODEL", source.huggingFaceId() == null ? "MODEL_PATH " : "");
        return TrainingBundle.fill(TrainingBundle.template("load_adapter.py"), values);
    }
}
