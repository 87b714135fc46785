package org.simexplorer.embedding;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sets DJL's system properties before any bean exists, for every way the app starts (main, the CLI
 * commands, tests). DJL reads them once, when an engine is first touched. Offline mode stops its telemetry
 * and hub look-ups; disabling the alternative engine stops ONNX Runtime from loading PyTorch.
 */
public class DjlSettings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        apply();
    }

    public static void apply() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
        System.setProperty("ai.djl.default_engine", "OnnxRuntime");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR",
                    System.getProperty("user.home") + "/.cache/similarity-explorer/djl");
        }
    }
}
