package org.simexplorer;

import org.simexplorer.cli.CommandLineTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SimilarityExplorerApplication {

    public static void main(String[] args) {
        configureDjl();
        if (CommandLineTool.handles(args)) {
            SpringApplication app = new SpringApplication(SimilarityExplorerApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(SimilarityExplorerApplication.class, args);
    }

    /**
     * DJL reads these once, when its engines are first touched, so they must be set before Spring
     * creates any bean. Offline mode stops its telemetry and hub look-ups; disabling the alternative
     * engine stops ONNX Runtime from loading PyTorch behind our back.
     */
    public static void configureDjl() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
        System.setProperty("ai.djl.default_engine", "OnnxRuntime");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", System.getProperty("user.home") + "/.cache/similarity-explorer/djl");
        }
    }
}
