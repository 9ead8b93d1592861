package io.fleetbench.collector;

import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.EngineState;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.identity.HostIdentityStore;
import io.fleetbench.collector.identity.SequenceStore;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.DaemonConfig;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one full snapshot of the engine and its host. It is plain Java, without Kafka or scheduling, so a
 * one-shot command can reuse it.
 */
public class CollectionService {

    private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

    private final EngineReader engineReader;
    private final DaemonJsonReader daemonJsonReader;
    private final HostIdentityStore identityStore;
    private final SequenceStore sequenceStore;
    private final SnapshotAssembler assembler;
    private final Clock clock;
    private final @Nullable String hostName;
    private final Map<String, String> labels;
    private final String agentVersion;

    /**
     * @param hostName the configured display name, or {@code null} to use the host name the engine reports
     * @param labels operator labels copied into every snapshot
     * @param agentVersion the agent's version, copied into every snapshot
     */
    public CollectionService(
            EngineReader engineReader,
            DaemonJsonReader daemonJsonReader,
            HostIdentityStore identityStore,
            SequenceStore sequenceStore,
            SnapshotAssembler assembler,
            Clock clock,
            @Nullable String hostName,
            Map<String, String> labels,
            String agentVersion) {
        this.engineReader = engineReader;
        this.daemonJsonReader = daemonJsonReader;
        this.identityStore = identityStore;
        this.sequenceStore = sequenceStore;
        this.assembler = assembler;
        this.clock = clock;
        this.hostName = hostName;
        this.labels = Map.copyOf(labels);
        this.agentVersion = agentVersion;
    }

    /**
     * Reads the engine and the host files and assembles a snapshot with the next sequence number.
     *
     * @param trigger what caused the collection, such as {@code startup} or {@code interval}
     * @throws io.fleetbench.collector.engine.EngineUnreachableException where the engine does not respond
     */
    public HostSnapshotCollected collect(String trigger) {
        long started = System.nanoTime();
        EngineState engine = engineReader.read();
        DaemonConfig daemon = daemonJsonReader.read();
        String engineId = engine.info().getId() == null ? "" : engine.info().getId();
        String hostId = identityStore.hostId(engineId);
        String name = hostName != null ? hostName : engine.info().getName();
        HostDescriptor host = new HostDescriptor(hostId, name, labels, agentVersion);
        long sequence = sequenceStore.next();
        HostSnapshotCollected snapshot =
                assembler.assemble(host, sequence, trigger, clock.instant(), engine, daemon);
        log.debug("Collected snapshot {} of host {} (event {}, trigger {}) in {} ms: {} containers, {} images,"
                        + " {} networks", sequence, hostId, snapshot.eventId(), trigger,
                (System.nanoTime() - started) / 1_000_000, snapshot.containers().size(), snapshot.images().size(),
                snapshot.networks().size());
        return snapshot;
    }
}
