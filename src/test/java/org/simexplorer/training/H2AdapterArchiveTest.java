package org.simexplorer.training;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** A dataset with its adapters exported and restored on H2. */
@DataJdbcTest
@AdapterDataBeans
class H2AdapterArchiveTest extends AdapterArchiveContract {
}
