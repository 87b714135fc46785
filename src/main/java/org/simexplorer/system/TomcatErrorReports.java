package org.simexplorer.system;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of every error report valve on Tomcat's host. It runs after Spring
 * Boot's own customiser, which adds a plain ErrorReportValve, so that one is replaced too.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) return;
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) host.getPipeline().removeValve(valve);
            }
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            host.getPipeline().addValve(new ProblemErrorReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
