package org.simexplorer.transfer;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Exports read back exactly, and U+0000 refused, on H2. */
@JdbcTest
@TransferBeans
class H2RoundTripTest extends RoundTripContract {
}
