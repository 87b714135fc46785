package org.simexplorer.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class UnsafeNetworkSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeNetworkSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeNetworkSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Keep the default server.address=127.0.0.1, or give users as name:bcrypt-hash entries in"
                        + " simexplorer.security.users (environment variable SIMEXPLORER_SECURITY_USERS), or set"
                        + " simexplorer.security.allow-anonymous=true to serve the network without login on purpose."
                        + " See the README section \"Security defaults\".",
                cause);
    }
}
