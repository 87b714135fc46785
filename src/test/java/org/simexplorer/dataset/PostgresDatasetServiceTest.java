package org.simexplorer.dataset;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Dataset and label services on a real PostgreSQL. */
@JdbcTest
@OnPostgres
class PostgresDatasetServiceTest extends DatasetServiceContract {
}
