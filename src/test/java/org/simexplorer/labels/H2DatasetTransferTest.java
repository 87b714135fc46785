package org.simexplorer.labels;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Whole-dataset export and import on H2. */
@DataJdbcTest
@TransferBeans
class H2DatasetTransferTest extends DatasetTransferContract {
}
