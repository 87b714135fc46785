package org.simexplorer.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a safetensors file by the specification, independently of the writer: the 8-byte little-endian header
 * length, the JSON header, then each tensor's float32 little-endian bytes at its data_offsets.
 */
public final class SafetensorsReader {

    private final byte[] file;
    private final long headerLength;
    private final JsonNode header;

    private SafetensorsReader(byte[] file) {
        this.file = file;
        this.headerLength = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong();
        this.header = JsonMapper.builder().build().readTree(new String(file, 8, Math.toIntExact(headerLength),
                StandardCharsets.UTF_8));
    }

    public static SafetensorsReader read(byte[] file) {
        return new SafetensorsReader(file);
    }

    public long headerLength() {
        return headerLength;
    }

    /** The JSON header, with "__metadata__" when the file has it. */
    public JsonNode header() {
        return header;
    }

    public List<Integer> shape(String tensor) {
        List<Integer> shape = new ArrayList<>();
        header.get(tensor).get("shape").forEach(n -> shape.add(n.asInt()));
        return shape;
    }

    /** A float32 tensor's values, row-major. */
    public float[] values(String tensor) {
        JsonNode entry = header.get(tensor);
        if (!entry.get("dtype").asString().equals("F32")) throw new AssertionError(tensor + " is not F32");
        long from = entry.get("data_offsets").get(0).asLong();
        long to = entry.get("data_offsets").get(1).asLong();
        ByteBuffer data = ByteBuffer.wrap(file, Math.toIntExact(8 + headerLength + from), Math.toIntExact(to - from))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[Math.toIntExact((to - from) / 4)];
        data.asFloatBuffer().get(values);
        return values;
    }

    /** The entries of a zip, by name, in order. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) files.put(entry.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
