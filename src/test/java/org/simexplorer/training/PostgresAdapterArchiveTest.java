package org.simexplorer.training;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** A dataset with its adapters exported and restored on a real PostgreSQL. */
@JdbcTest
@OnPostgres
@AdapterDataBeans
class PostgresAdapterArchiveTest extends AdapterArchiveContract {
}
