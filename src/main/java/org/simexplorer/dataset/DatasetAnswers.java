package org.simexplorer.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset answer ({@code GET /api/datasets/{id}}: every sentence, megabytes at 100,000) as gzipped JSON, made
 * once per version of the dataset and kept within half the tiles' budget (simexplorer.cache.tiles): a browser that
 * opens the page again, or another browser, gets the same bytes without the sentences being read, written and
 * compressed again. Deflate's fastest level: the default level costs several times the rest of the request for
 * little more saving. A dataset job's warm-up makes the answer of its new dataset in the background.
 */
@Component
class DatasetAnswers {

    private final DatasetViews views;
    private final JsonMapper json;
    private final ByteBudgetCache<byte[]> cache;

    DatasetAnswers(DatasetViews views, JsonMapper json, CacheBudget budget) {
        this.views = views;
        this.json = json;
        this.cache = new ByteBudgetCache<>(budget.tiles().toBytes() / 2, bytes -> 64L + bytes.length);
    }

    /** The gzipped answer of the dataset at {@code version} ({@link DatasetViews#version}). */
    byte[] gzipped(long datasetId, String version) {
        return cache.get(new ByteBudgetCache.Key(datasetId, "", 0, 0, version), () -> gzip(views.view(datasetId)));
    }

    /** Makes the answer of the dataset as it is now, ahead of its first request. */
    void prepare(long datasetId) {
        gzipped(datasetId, views.version(datasetId));
    }

    private byte[] gzip(DatasetViews.View view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (GZIPOutputStream zipped = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            json.writeValue(zipped, view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @EventListener
    void onChanged(DatasetEvents.DatasetChanged changed) {
        cache.invalidate(changed.datasetId());
    }
}
