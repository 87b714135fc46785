package org.simexplorer.loss;

import org.simexplorer.similarity.MatrixProduct;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The loss math as beans; the classes themselves stay free of Spring. */
@Configuration(proxyBeanMethods = false)
public class LossConfiguration {

    @Bean
    PairLossRegistry pairLossRegistry() {
        return new PairLossRegistry();
    }

    @Bean
    SparsePairLossEvaluator sparsePairLossEvaluator(MatrixProduct matrixProduct) {
        return new SparsePairLossEvaluator(matrixProduct);
    }

    @Bean
    AdapterLossEvaluator adapterLossEvaluator(MatrixProduct matrixProduct) {
        return new AdapterLossEvaluator(matrixProduct);
    }
}
