package io.fleetbench.report.store;

import io.r2dbc.spi.ConnectionFactory;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the jOOQ context over the R2DBC connection pool that Spring Boot builds from {@code spring.r2dbc.*}. */
@Configuration(proxyBeanMethods = false)
class JooqConfiguration {

    @Bean
    DSLContext dslContext(ConnectionFactory connectionFactory) {
        return DSL.using(connectionFactory, SQLDialect.POSTGRES);
    }
}
