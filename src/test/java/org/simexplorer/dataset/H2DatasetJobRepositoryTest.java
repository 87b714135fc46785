package org.simexplorer.dataset;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The dataset job table on H2, the embedded default. */
@JdbcTest
@Import({DatasetJobRepository.class, DatasetRepository.class})
class H2DatasetJobRepositoryTest extends DatasetJobRepositoryContract {
}
