package org.simexplorer.clients;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link RequestsInProgress} in front of the app, sized from Tomcat's thread count. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientLimits.class)
class SlowClientDefences {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> requestsInProgress(ClientLimits limits,
            @Value("${server.tomcat.threads.max:200}") int threads) {
        int total = Math.max(1, threads - limits.reservedForHealth());
        return factory -> factory.addContextValves(
                new RequestsInProgress(Math.min(limits.maxRequestsPerAddress(), total), total));
    }
}
