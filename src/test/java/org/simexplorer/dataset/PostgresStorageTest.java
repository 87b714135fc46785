package org.simexplorer.dataset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.system.JdbcNaming;
import org.simexplorer.system.PostgresTestDatabase;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storage contract on a real PostgreSQL (see {@link PostgresTestDatabase} for how it is found). */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({JdbcNaming.class, SentenceRepository.class, EmbeddingCache.class, LabelRepository.class})
class PostgresStorageTest extends StorageContract {

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
