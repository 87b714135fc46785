package org.simexplorer.similarity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One ORT Gemm session for the whole app, closed on shutdown; the math classes stay Spring-free. */
@Configuration(proxyBeanMethods = false)
public class SimilarityConfiguration {

    @Bean(destroyMethod = "close")
    MatrixProduct matrixProduct() {
        return new MatrixProduct();
    }

    @Bean
    CosineMatrix cosineMatrix(MatrixProduct matrixProduct) {
        return new CosineMatrix(matrixProduct);
    }
}
