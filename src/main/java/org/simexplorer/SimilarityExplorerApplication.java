package org.simexplorer;

import org.simexplorer.cli.CommandLineTool;
import org.simexplorer.security.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SimilarityExplorerApplication {

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals(PasswordHashCommand.WORD)) {
            System.exit(PasswordHashCommand.run(System.console(), System.in, System.out, System.err));
        }
        if (CommandLineTool.handles(args)) {
            SpringApplication app = new SpringApplication(SimilarityExplorerApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(SimilarityExplorerApplication.class, args);
    }
}
