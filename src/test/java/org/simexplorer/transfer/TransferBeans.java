package org.simexplorer.transfer;

import org.simexplorer.labels.LabelWriter;
import org.simexplorer.labels.LabelService;
import org.simexplorer.labels.LabelRepository;
import org.simexplorer.datasetloss.DatasetLosses;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.simexplorer.dataset.CacheBudget;
import org.simexplorer.dataset.CachedEmbedder;
import org.simexplorer.dataset.DatasetEmbeddings;
import org.simexplorer.dataset.DatasetLimits;
import org.simexplorer.dataset.DatasetRepository;
import org.simexplorer.dataset.DatasetService;
import org.simexplorer.dataset.DatasetSimilarity;
import org.simexplorer.dataset.EmbeddingCache;
import org.simexplorer.dataset.MatrixCache;
import org.simexplorer.dataset.TileCache;
import org.simexplorer.dataset.SentenceCounts;
import org.simexplorer.dataset.SentenceRepository;
import org.simexplorer.dataset.StandInEmbedder;
import org.simexplorer.embedding.EmbeddingProperties;
import org.simexplorer.embedding.ModelCatalog;
import org.simexplorer.loss.LossConfiguration;
import org.simexplorer.loss.LossService;
import org.simexplorer.similarity.SimilarityConfiguration;
import org.simexplorer.limits.ConcurrencyLimits;
import org.simexplorer.limits.ConcurrencyProperties;
import org.simexplorer.limits.RequestLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The real storage and services behind a dataset transfer, with the stand-in embedder; no test transaction.
 * Public so that adapter data tests can add the training side (and a stand-in under a catalogue id) to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@EnableConfigurationProperties({DatasetLimits.class, RequestLimits.class, CacheBudget.class,
        ConcurrencyProperties.class, EmbeddingProperties.class})
@Import({DatasetRepository.class, SentenceRepository.class, EmbeddingCache.class, CachedEmbedder.class,
        LabelRepository.class, DatasetService.class, DatasetSimilarity.class, DatasetEmbeddings.class, LabelService.class,
        LabelWriter.class, SentenceCounts.class, DatasetLosses.class,
        SimilarityConfiguration.class, LossConfiguration.class, LossService.class, StandInEmbedder.class,
        DatasetTransfer.class, MatrixCache.class, TileCache.class, ConcurrencyLimits.class, ModelCatalog.class})
public @interface TransferBeans {
}
