package org.simexplorer.training;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** The adapters table on H2. */
@DataJdbcTest
@AdapterDataBeans
class H2AdapterRepositoryTest extends AdapterRepositoryContract {
}
