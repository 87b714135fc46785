package org.simexplorer.scheduling;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** The scheduler on a real PostgreSQL, where rows are claimed with SKIP LOCKED. */
@JdbcTest
@OnPostgres
class PostgresBackgroundSchedulerTest extends BackgroundSchedulerContract {
}
