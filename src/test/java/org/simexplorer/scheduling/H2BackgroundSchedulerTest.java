package org.simexplorer.scheduling;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

/** The scheduler on H2, the embedded default. */
@JdbcTest
class H2BackgroundSchedulerTest extends BackgroundSchedulerContract {
}
