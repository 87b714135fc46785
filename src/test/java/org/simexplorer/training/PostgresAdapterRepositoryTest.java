package org.simexplorer.training;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** The adapters table on a real PostgreSQL. */
@JdbcTest
@OnPostgres
@AdapterDataBeans
class PostgresAdapterRepositoryTest extends AdapterRepositoryContract {
}
