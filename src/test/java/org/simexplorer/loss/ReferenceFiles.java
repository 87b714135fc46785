package org.simexplorer.loss;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PyTorch reference files under src/test/resources/loss (see the README there). */
final class ReferenceFiles {

    private ReferenceFiles() {
    }

    static JsonNode read(String resource) {
        try (InputStream in = ReferenceFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
