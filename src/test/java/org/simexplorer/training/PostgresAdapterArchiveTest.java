package org.simexplorer.training;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.simexplorer.system.PostgresTestDatabase;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A dataset with its adapters exported and restored on a real PostgreSQL. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@AdapterDataBeans
class PostgresAdapterArchiveTest extends AdapterArchiveContract {

    static PostgresTestDatabase postgres;

    @BeforeAll
    static void requirePostgres() {
        postgres = PostgresTestDatabase.require();
    }

    @DynamicPropertySource
    static void postgresProperties(DynamicPropertyRegistry registry) {
        postgres.register(registry);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (postgres != null) postgres.dropSchema();
    }
}
