package org.simexplorer.training;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** A dataset with its adapters exported and restored on H2. */
@JdbcTest
@AdapterDataBeans
class H2AdapterArchiveTest extends AdapterArchiveContract {
}
