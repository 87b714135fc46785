package org.simexplorer.training;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** A dataset with its adapters exported and restored on a real PostgreSQL. */
@DataJdbcTest
@OnPostgres
@AdapterDataBeans
class PostgresAdapterArchiveTest extends AdapterArchiveContract {
}
