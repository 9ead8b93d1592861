package io.fleetbench.report.ingest;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the Spring Cloud Stream consumer {@code ingestFindings}. Its binding {@code ingestFindings-in-0}
 * (topic, group, retries and dead-letter topic) is set in {@code report-service.yml}.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Consumer<byte[]> ingestFindings(FindingsIngestor ingestor) {
        return ingestor::ingest;
    }
}
