package org.simexplorer.dataset;

import org.simexplorer.labels.LabelRepository;
import org.simexplorer.system.JdbcNaming;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;

/** The storage contract on H2, the embedded default (in memory here, same migrations). */
@DataJdbcTest
@Import({JdbcNaming.class, SentenceRepository.class, EmbeddingCache.class, LabelRepository.class})
class H2StorageTest extends StorageContract {
}
