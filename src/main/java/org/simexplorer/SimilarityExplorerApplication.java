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
        if (CommandLineTool.handles(args)) {
            SpringApplication app = new SpringApplication(SimilarityExplorerApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(SimilarityExplorerApplication.class, args);
    }
}
