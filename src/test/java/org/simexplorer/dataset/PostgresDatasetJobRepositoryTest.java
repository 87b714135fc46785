package org.simexplorer.dataset;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The dataset job table on a real PostgreSQL (see {@link OnPostgres}). */
@JdbcTest
@OnPostgres
@Import({DatasetJobRepository.class, DatasetRepository.class})
class PostgresDatasetJobRepositoryTest extends DatasetJobRepositoryContract {
}
