package org.simexplorer.labels;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Whole-dataset export and import on a real PostgreSQL. */
@DataJdbcTest
@OnPostgres
@TransferBeans
class PostgresDatasetTransferTest extends DatasetTransferContract {
}
