package org.simexplorer.transfer;

import org.simexplorer.system.OnPostgres;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Exports read back exactly, and U+0000 refused, on a real PostgreSQL. */
@JdbcTest
@OnPostgres
@TransferBeans
class PostgresRoundTripTest extends RoundTripContract {
}
