package org.simexplorer.dataset;

import org.simexplorer.labels.LabelRepository;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The storage contract on H2, the embedded default (in memory here, same migrations). */
@JdbcTest
@Import({DatasetRepository.class, SentenceRepository.class, EmbeddingCache.class, LabelRepository.class})
class H2StorageTest extends StorageContract {
}
