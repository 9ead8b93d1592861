package io.fleetbench.collector;

import com.github.dockerjava.api.DockerClient;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.identity.HostIdentityStore;
import io.fleetbench.collector.identity.SequenceStore;
import io.fleetbench.collector.publish.SnapshotPublisher;
import java.time.Clock;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the agent's parts from {@link CollectorProperties}. */
@Configuration(proxyBeanMethods = false)
class CollectorConfiguration {

    /** The version written into every snapshot where the jar's manifest has none, as in tests and IDE runs. */
    static final String DEVELOPMENT_VERSION = "development";

    @Bean(destroyMethod = "close")
    DockerClient dockerClient(CollectorProperties properties) {
        return DockerClientFactory.create(properties.dockerHost(), properties.engineTimeout());
    }

    @Bean
    EngineReader engineReader(DockerClient dockerClient, CollectorProperties properties) {
        return new EngineReader(dockerClient, properties.dockerHost());
    }

    @Bean
    CollectionService collectionService(EngineReader engineReader, CollectorProperties properties) {
        return new CollectionService(
                engineReader,
                new DaemonJsonReader(properties.hostRootPath(), properties.daemonConfigFile()),
                new HostIdentityStore(properties.stateDirPath(), properties.hostRootPath(), properties.dockerHost(),
                        properties.hostId()),
                new SequenceStore(properties.stateDirPath()),
                new SnapshotAssembler(),
                Clock.systemUTC(),
                properties.hostName(),
                properties.labels(),
                agentVersion());
    }

    @Bean
    SnapshotPublisher snapshotPublisher(KafkaTemplate<String, byte[]> kafkaTemplate, CollectorProperties properties) {
        return new SnapshotPublisher(kafkaTemplate, properties.topic(), properties.publishTimeout());
    }

    @Bean
    CollectionScheduler collectionScheduler(
            CollectionService collectionService, SnapshotPublisher snapshotPublisher, CollectorProperties properties) {
        return new CollectionScheduler(collectionService, snapshotPublisher, properties.resyncInterval());
    }

    private static String agentVersion() {
        return Objects.requireNonNullElse(CollectorApplication.class.getPackage().getImplementationVersion(),
                DEVELOPMENT_VERSION);
    }
}
