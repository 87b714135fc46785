package org.simexplorer.training;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app over real HTTP with the real model, an in-memory H2 and a training queue of one running and 8
 * waiting (Retry-After 7 s). The adapter API tests share it, so they share one started app.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "spring.datasource.url=jdbc:h2:mem:adapter-api;DB_CLOSE_DELAY=-1",
        "simexplorer.training.concurrency=1",
        "simexplorer.training.queue-capacity=8",
        "simexplorer.training.retry-after-seconds=7"})
@interface AdapterApiApp {
}
