package org.simexplorer.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the context of an {@link OnPostgres} test class at that class's schema. The customizer is equal only for
 * the same class, so no other class ever reuses a context whose schema is dropped after its own class.
 * Registered in META-INF/spring.factories.
 */
class PostgresSchemaCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean onPostgres = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
                .isPresent(OnPostgres.class);
        return onPostgres ? new SchemaOf(testClass) : null;
    }

    private record SchemaOf(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>(PostgresTestDatabase.of(testClass).properties());
            // What @AutoConfigureTestDatabase(replace = NONE) sets; as a meta-annotation it would lose to the
            // one that @JdbcTest carries.
            properties.put("spring.test.database.replace", "none");
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("postgres-test-schema", properties));
        }
    }
}
