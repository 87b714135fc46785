package org.simexplorer.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The app puts DJL offline by itself, on every start, with no flag. System properties are shared by the whole
 * JVM and other code (MatrixProduct) sets them too, so this test clears them first and then starts a bare Spring
 * application that has none of the app's beans: only the registered EnvironmentPostProcessor can set them again.
 */
@Isolated
class DjlSettingsTest {

    private static final List<String> PROPERTIES = List.of("ai.djl.offline", "ai.djl.onnx.disable_alternative",
            "ai.djl.default_engine");

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @AfterEach
    void restore() {
        DjlSettings.apply();
    }

    @Test
    void startingAnySpringApplicationPutsDjlOffline() {
        PROPERTIES.forEach(System::clearProperty);
        assertThat(System.getProperty("ai.djl.offline")).isNull();

        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run()) {
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(System.getProperty("ai.djl.onnx.disable_alternative")).isEqualTo("true");
            assertThat(System.getProperty("ai.djl.default_engine")).isEqualTo("OnnxRuntime");
        }
    }
}
