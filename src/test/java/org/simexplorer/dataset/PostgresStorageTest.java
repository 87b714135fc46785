package org.simexplorer.dataset;

import org.simexplorer.labels.LabelRepository;
import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The storage contract on a real PostgreSQL (see {@link OnPostgres} for how it is found). */
@JdbcTest
@OnPostgres
@Import({DatasetRepository.class, SentenceRepository.class, EmbeddingCache.class, LabelRepository.class})
class PostgresStorageTest extends StorageContract {
}
