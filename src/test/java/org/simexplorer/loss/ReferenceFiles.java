package org.simexplorer.loss;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PyTorch reference files under src/test/resources/loss (see the README there), and how the tests read them:
 * every value within 1e-4 relative or 1e-6 absolute.
 */
final class ReferenceFiles {

    static final double RELATIVE = 1e-4;
    static final double ABSOLUTE = 1e-6;

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

    /** The reference file names its parameters globally; each loss has its own names. */
    static Map<String, Object> paramsFor(JsonNode reference, String lossId) {
        JsonNode p = reference.get("params");
        Map<String, Object> params = new LinkedHashMap<>();
        switch (lossId) {
            case "contrastive", "online-contrastive" -> params.put("margin", p.get("margin").asDouble());
            case "cosent" -> params.put("scale", p.get("cosent_scale").asDouble());
            case "softmax-ce" -> params.put("temperature", p.get("softmax_temperature").asDouble());
            case "sigmoid" -> {
                params.put("t", p.get("sigmoid_t").asDouble());
                params.put("b", p.get("sigmoid_b").asDouble());
            }
            default -> { }
        }
        return params;
    }

    static void assertClose(String what, double actual, double expected) {
        double error = Math.abs(actual - expected);
        if (!(error <= ABSOLUTE || error <= RELATIVE * Math.abs(expected))) {
            fail(what + ": got " + actual + ", expected " + expected + " (error " + error + ")");
        }
    }

    static JsonNode caseNamed(JsonNode reference, String name) {
        for (JsonNode c : reference.get("cases")) {
            if (c.get("name").asString().equals(name)) return c;
        }
        throw new IllegalArgumentException(name);
    }
}
