package org.simexplorer.dataset;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Dataset and label services on a real PostgreSQL. */
@DataJdbcTest
@OnPostgres
class PostgresDatasetServiceTest extends DatasetServiceContract {
}
