package org.simexplorer.training;

import org.simexplorer.dataset.StandInEmbedder;
import org.springframework.context.annotation.Primary;

/**
 * The storage tests' stand-in under the catalogue id of MiniLM (384 dimensions), so that an adapter on it is a
 * catalogue model; it wins over the plain stand-in that {@code @TransferBeans} brings. Not a model: data tests
 * compare the same vectors before and after storage, never read meaning into them.
 */
@Primary
class CatalogStandIn extends StandInEmbedder {

    CatalogStandIn() {
        super(TestAdapters.BASE, TestAdapters.D);
    }
}
