package org.simexplorer.embedding;

import java.util.Locale;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "models" health component, part of the readiness group: DOWN until the default model has loaded, so a
 * load balancer sends no embedding work to an app that would only make it wait.
 */
@Component
class ModelsHealthIndicator implements HealthIndicator {

    private final LoadedModels models;

    ModelsHealthIndicator(LoadedModels models) {
        this.models = models;
    }

    @Override
    public Health health() {
        String defaultId = models.defaultModel();
        Health.Builder health = models.isLoaded(defaultId) ? Health.up() : Health.down();
        return health.withDetail("default", defaultId)
                .withDetail("defaultState", models.state(defaultId).name().toLowerCase(Locale.ROOT))
                .build();
    }
}
