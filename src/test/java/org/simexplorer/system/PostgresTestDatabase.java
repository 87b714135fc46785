package org.simexplorer.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real PostgreSQL that data tests run against, named by environment variables:
 * SIMEX_TEST_PG_URL (a jdbc:postgresql:// URL), SIMEX_TEST_PG_USER and SIMEX_TEST_PG_PASSWORD.
 * Each test class marked {@link OnPostgres} gets a fresh schema, created by Flyway and dropped afterwards.
 * Without the URL the tests are skipped on a developer machine, and fail when CI=true: CI must always test
 * PostgreSQL.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "SIMEX_TEST_PG_URL";
    private static final Map<Class<?>, PostgresTestDatabase> BY_CLASS = new ConcurrentHashMap<>();

    private final String url;
    private final String user;
    private final String password;
    private final String schema = "simex_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresTestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Skips (locally) or fails (CI) when PostgreSQL is not there. */
    public static PostgresTestDatabase require() {
        String url = System.getenv(URL_VARIABLE);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (url == null || url.isBlank()) {
            if (ci) fail(URL_VARIABLE + " is not set; CI must run the data tests on PostgreSQL.");
            Assumptions.abort(URL_VARIABLE + " is not set: skipping the PostgreSQL data tests.");
        }
        PostgresTestDatabase database = new PostgresTestDatabase(url, System.getenv("SIMEX_TEST_PG_USER"),
                System.getenv("SIMEX_TEST_PG_PASSWORD"));
        try (Connection ignored = database.connect()) {
            return database;
        } catch (SQLException e) {
            fail("PostgreSQL at " + url + " is unreachable: " + e.getMessage(), e);
            return null;
        }
    }

    /** This database's own schema. */
    public String schema() {
        return schema;
    }

    /** The datasource and Flyway settings that put a context in this database's schema. */
    public Map<String, Object> properties() {
        String separator = url.contains("?") ? "&" : "?";
        return Map.of("spring.datasource.url", url + separator + "currentSchema=" + schema,
                "spring.datasource.username", user == null ? "" : user,
                "spring.datasource.password", password == null ? "" : password,
                "spring.datasource.driver-class-name", "org.postgresql.Driver",
                "spring.flyway.schemas", schema);
    }

    /** A schema of its own for app processes started by a test, which drops it with {@link #dropSchema()}. */
    public static PostgresTestDatabase forProcesses() {
        return require();
    }

    /** The command-line arguments that put a packaged app in this database's schema. */
    public List<String> arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The database of a running {@link OnPostgres} test class. */
    static PostgresTestDatabase of(Class<?> testClass) {
        PostgresTestDatabase database = BY_CLASS.get(testClass);
        if (database == null) throw new IllegalStateException(testClass + " is not running @OnPostgres");
        return database;
    }

    /** Requires PostgreSQL before an {@link OnPostgres} class runs; drops its schema after it. */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            BY_CLASS.put(context.getRequiredTestClass(), require());
        }

        @Override
        public void afterAll(ExtensionContext context) throws SQLException {
            PostgresTestDatabase database = BY_CLASS.remove(context.getRequiredTestClass());
            if (database != null) database.dropSchema();
        }
    }

    public void dropSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A connection to the database (its default schema, not this one's). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
