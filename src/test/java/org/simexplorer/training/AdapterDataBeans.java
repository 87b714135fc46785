package org.simexplorer.training;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.simexplorer.transfer.TransferBeans;
import org.springframework.context.annotation.Import;

/** The dataset-transfer beans plus the adapters table, adapters as models and their archive form. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@TransferBeans
@Import({CatalogStandIn.class, AdapterRepository.class, TrainingCheckpoints.class, AdapterModels.class, AdapterArchive.class})
@interface AdapterDataBeans {
}
