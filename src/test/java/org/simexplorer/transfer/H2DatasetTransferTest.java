package org.simexplorer.transfer;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Whole-dataset export and import on H2. */
@JdbcTest
@TransferBeans
class H2DatasetTransferTest extends DatasetTransferContract {
}
