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

    /** Spring's switch for the bean definitions generated at build time (the fast start, docs/deployment.md). */
    static final String AOT_ENABLED = "spring.aot.enabled";

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals(PasswordHashCommand.WORD)) {
            System.exit(PasswordHashCommand.run(System.console(), System.in, System.out, System.err));
        }
        if (CommandLineTool.handles(args)) {
            // The build-time (Spring AOT) bean definitions are those of the web app; a command needs the "cli"
            // profile's beans and no web server, so it always works out its beans at run time.
            System.setProperty(AOT_ENABLED, "false");
            SpringApplication app = new SpringApplication(SimilarityExplorerApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            System.exit(SpringApplication.exit(app.run(args)));
        }
        SpringApplication.run(SimilarityExplorerApplication.class, args);
    }
}
