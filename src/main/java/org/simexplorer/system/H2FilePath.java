package org.simexplorer.system;

import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes a relative H2 file path absolute, against the working directory. H2 refuses a path such as
 * {@code jdbc:h2:file:target/data/simexplorer} (only "./" or absolute paths are allowed), and the URL is built
 * from simexplorer.data-dir, which a user or a test may well give as a plain relative folder.
 */
@Configuration(proxyBeanMethods = false)
public class H2FilePath {

    private static final String PREFIX = "jdbc:h2:file:";

    @Bean
    static BeanPostProcessor absoluteH2FilePath() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
                    properties.setUrl(absolute(properties.getUrl()));
                }
                return bean;
            }
        };
    }

    static String absolute(String url) {
        if (!url.startsWith(PREFIX)) return url;
        String rest = url.substring(PREFIX.length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~") || Path.of(path).isAbsolute()) return url;
        String absolute = Path.of(path).toAbsolutePath().normalize().toString();
        return PREFIX + absolute + (options < 0 ? "" : rest.substring(options));
    }
}
