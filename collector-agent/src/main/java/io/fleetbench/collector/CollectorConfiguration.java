package io.fleetbench.collector;

import com.github.dockerjava.api.DockerClient;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.events.EngineEventHandler;
import io.fleetbench.collector.events.HealthCheckExecs;
import io.fleetbench.collector.events.EngineEventListener;
import io.fleetbench.collector.events.EventStreamClients;
import io.fleetbench.collector.events.RecentEventWindow;
import io.fleetbench.collector.events.RuntimeEventFactory;
import io.fleetbench.collector.hostfacts.HostFactsCollector;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.identity.HostIdentityStore;
import io.fleetbench.collector.identity.SequenceStore;
import io.fleetbench.collector.publish.RecordPublisher;
import io.fleetbench.collector.publish.SpoolDrainer;
import io.fleetbench.collector.spool.DiskSpool;
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

    /** Creates the event stream client, because the collection client's response timeout would cut the stream. */
    @Bean(destroyMethod = "close")
    DockerClient eventStreamClient(CollectorProperties properties) {
        return EventStreamClients.create(properties.dockerHost(), properties.engineTimeout());
    }

    @Bean
    RecentEventWindow recentEventWindow(CollectorProperties properties) {
        return new RecentEventWindow(properties.recentEventsMaxCount(), properties.recentEventsMaxAge(),
                Clock.systemUTC());
    }

    @Bean
    CollectionService collectionService(EngineReader engineReader, RecentEventWindow recentEventWindow,
            CollectorProperties properties) {
        return new CollectionService(
                engineReader,
                new DaemonJsonReader(properties.hostRootPath(), properties.daemonConfigFile()),
                new HostIdentityStore(properties.stateDirPath(), properties.hostRootPath(), properties.dockerHost(),
                        properties.hostId()),
                new SequenceStore(properties.stateDirPath()),
                new SnapshotAssembler(properties.hostRootPath()),
                Clock.systemUTC(),
                properties.hostName(),
                properties.labels(),
                agentVersion(),
                recentEventWindow,
                new HostFactsCollector(properties.hostRootPath(), properties.dockerHost(),
                        properties.daemonConfigFile(), properties.engineTimeout()));
    }

    @Bean(destroyMethod = "close")
    DiskSpool diskSpool(CollectorProperties properties) {
        return DiskSpool.open(properties.spoolDirPath(), properties.spoolMaxSize().toBytes());
    }

    @Bean
    RecordPublisher recordPublisher(DiskSpool diskSpool, CollectorProperties properties) {
        return new RecordPublisher(diskSpool, properties.topic(), properties.runtimeEventTopic());
    }

    @Bean
    SpoolDrainer spoolDrainer(DiskSpool diskSpool, KafkaTemplate<String, byte[]> kafkaTemplate,
            CollectorProperties properties) {
        return new SpoolDrainer(diskSpool, kafkaTemplate, properties.publishTimeout(),
                properties.publishRetryMaxBackoff());
    }

    @Bean
    CollectionScheduler collectionScheduler(
            CollectionService collectionService, RecordPublisher recordPublisher, CollectorProperties properties) {
        return new CollectionScheduler(collectionService, recordPublisher, properties.resyncInterval(),
                properties.eventDebounce());
    }

    @Bean
    EngineEventListener engineEventListener(DockerClient eventStreamClient, CollectionService collectionService,
            CollectionScheduler collectionScheduler, RecordPublisher recordPublisher,
            RecentEventWindow recentEventWindow, CollectorProperties properties) {
        EngineEventHandler handler = new EngineEventHandler(
                new RuntimeEventFactory(eventStreamClient),
                recentEventWindow,
                () -> collectionService.currentHost(() -> eventStreamClient.infoCmd().exec()),
                recordPublisher::publish,
                collectionScheduler::requestCollection,
                new HealthCheckExecs(eventStreamClient));
        return new EngineEventListener(eventStreamClient, properties.dockerHost(), handler,
                collectionScheduler::requestCollection, properties.eventReconnectMaxBackoff());
    }

    private static String agentVersion() {
        return Objects.requireNonNullElse(CollectorApplication.class.getPackage().getImplementationVersion(),
                DEVELOPMENT_VERSION);
    }
}
