package org.simexplorer.transfer;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Whole-dataset export and import on a real PostgreSQL. */
@JdbcTest
@OnPostgres
@TransferBeans
class PostgresDatasetTransferTest extends DatasetTransferContract {
}
