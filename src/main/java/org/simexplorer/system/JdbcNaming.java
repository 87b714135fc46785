package org.simexplorer.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Table names for Spring Data JDBC entities: the plural of the class name (Dataset → datasets). Derived
 * names, unlike an explicit {@code @Table("datasets")}, get each dialect's letter case (upper on H2, lower on
 * PostgreSQL), so the quoted identifiers match the unquoted names in the Flyway migrations on both.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcNaming {

    @Bean
    NamingStrategy pluralTableNames() {
        return new NamingStrategy() {
            @Override
            public String getTableName(Class<?> type) {
                return NamingStrategy.super.getTableName(type) + "s";
            }
        };
    }
}
