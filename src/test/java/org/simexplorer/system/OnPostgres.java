package org.simexplorer.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Spring data test on the real PostgreSQL of {@link PostgresTestDatabase}, in a schema of its own: the
 * class is skipped (locally) or fails (CI) when PostgreSQL is not there, its context points at the schema
 * instead of an embedded test database ({@link PostgresSchemaCustomizerFactory}), and the schema is dropped after
 * the class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostgresTestDatabase.PerClass.class)
public @interface OnPostgres {
}
