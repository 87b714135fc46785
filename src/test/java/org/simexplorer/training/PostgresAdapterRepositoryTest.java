package org.simexplorer.training;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** The adapters table on a real PostgreSQL. */
@DataJdbcTest
@OnPostgres
@AdapterDataBeans
class PostgresAdapterRepositoryTest extends AdapterRepositoryContract {
}
