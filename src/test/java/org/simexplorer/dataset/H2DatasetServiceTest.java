package org.simexplorer.dataset;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Dataset and label services on H2. */
@DataJdbcTest
class H2DatasetServiceTest extends DatasetServiceContract {
}
