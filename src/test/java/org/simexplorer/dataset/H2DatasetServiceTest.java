package org.simexplorer.dataset;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** Dataset and label services on H2. */
@JdbcTest
class H2DatasetServiceTest extends DatasetServiceContract {
}
