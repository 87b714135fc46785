package org.simexplorer.dataset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How many sentences each recently labelled dataset has, so that a label write checks its positions without a
 * query. A dataset's count only grows, by appends, until it is deleted; {@link DatasetService} announces both
 * after they commit and the count goes. A count read just before an append is too small and costs the next
 * write one query; one read just before a deletion lets a write reach the database, whose foreign key refuses it.
 */
@Component
public class SentenceCounts {

    private final Cache<Long, Integer> counts = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The count last read, or -1 when none is kept. */
    int known(long datasetId) {
        Integer count = counts.getIfPresent(datasetId);
        return count == null ? -1 : count;
    }

    void remember(long datasetId, int count) {
        counts.put(datasetId, count);
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        counts.invalidate(changed.datasetId());
    }
}
