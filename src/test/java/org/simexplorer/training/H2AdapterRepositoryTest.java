package org.simexplorer.training;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** The adapters table on H2. */
@JdbcTest
@AdapterDataBeans
class H2AdapterRepositoryTest extends AdapterRepositoryContract {
}
