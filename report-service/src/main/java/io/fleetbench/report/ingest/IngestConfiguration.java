package io.fleetbench.report.ingest;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Declares the Spring Cloud Stream consumers {@code ingestFindings} (audit reports) and {@code ingestSnapshots}
 * (host snapshots). Their bindings (topic, group, retries and dead-letter topic) are set in
 * {@code report-service.yml}.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    Consumer<Message<byte[]>> ingestFindings(FindingsIngestor ingestor) {
        return ingestor::ingest;
    }

    @Bean
    Consumer<byte[]> ingestSnapshots(SnapshotIngestor ingestor) {
        return ingestor::ingest;
    }
}
