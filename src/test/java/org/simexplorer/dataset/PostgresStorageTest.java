package org.simexplorer.dataset;

import org.simexplorer.labels.LabelRepository;
import org.simexplorer.system.JdbcNaming;
import org.simexplorer.system.OnPostgres;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;

/** The storage contract on a real PostgreSQL (see {@link OnPostgres} for how it is found). */
@DataJdbcTest
@OnPostgres
@Import({JdbcNaming.class, SentenceRepository.class, EmbeddingCache.class, LabelRepository.class})
class PostgresStorageTest extends StorageContract {
}
