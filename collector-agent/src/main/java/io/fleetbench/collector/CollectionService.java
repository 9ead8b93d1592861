package io.fleetbench.collector;

import com.github.dockerjava.api.model.Info;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.EngineState;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.events.RecentEventWindow;
import io.fleetbench.collector.hostfacts.HostFactsCollector;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.identity.HostIdentityStore;
import io.fleetbench.collector.identity.SequenceStore;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.HostFacts;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
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
    private final RecentEventWindow recentEvents;
    private final @Nullable HostFactsCollector hostFacts;
    private volatile @Nullable HostDescriptor lastHost;

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
        this(engineReader, daemonJsonReader, identityStore, sequenceStore, assembler, clock, hostName, labels,
                agentVersion, RecentEventWindow.disabled());
    }

    /**
     * Creates a service whose snapshots carry the runtime events in {@code recentEvents}; see the other constructor
     * for the other parameters.
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
            String agentVersion,
            RecentEventWindow recentEvents) {
        this(engineReader, daemonJsonReader, identityStore, sequenceStore, assembler, clock, hostName, labels,
                agentVersion, recentEvents, null);
    }

    /**
     * Creates a service whose snapshots also carry host facts from {@code hostFacts}, and whose daemon settings
     * merge daemon.json with dockerd's flags and the engine's report. {@code daemonJsonReader} is then unused.
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
            String agentVersion,
            RecentEventWindow recentEvents,
            @Nullable HostFactsCollector hostFacts) {
        this.hostFacts = hostFacts;
        this.recentEvents = recentEvents;
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
     * @param trigger what caused the collection, such as {@code startup}, {@code resync} or an engine event
     * @throws io.fleetbench.collector.engine.EngineUnreachableException where the engine does not respond
     */
    public HostSnapshotCollected collect(String trigger) {
        long started = System.nanoTime();
        EngineState engine = engineReader.read();
        HostFactsCollector.Collected collected =
                hostFacts == null ? null : hostFacts.collect(engine.info(), engine.networks());
        DaemonConfig daemon = collected == null ? daemonJsonReader.read() : collected.daemon();
        HostDescriptor host = describeHost(engine.info());
        long sequence = sequenceStore.next();
        HostFacts facts = collected == null ? null : collected.hostFacts();
        HostSnapshotCollected snapshot = assembler.assemble(host, sequence, trigger, clock.instant(), engine, daemon,
                facts).withRecentEvents(recentEvents.current());
        String hostId = host.id();
        log.debug("Collected snapshot {} of host {} (event {}, trigger {}) in {} ms: {} containers, {} images,"
                        + " {} networks", sequence, hostId, snapshot.eventId(), trigger,
                (System.nanoTime() - started) / 1_000_000, snapshot.containers().size(), snapshot.images().size(),
                snapshot.networks().size());
        return snapshot;
    }

    /**
     * Returns the identity of the engine that returned {@code info}: the host id, the configured or reported name,
     * the operator labels and the agent version.
     */
    public HostDescriptor describeHost(Info info) {
        String engineId = info.getId() == null ? "" : info.getId();
        String hostId = identityStore.hostId(engineId);
        String name = hostName != null ? hostName : info.getName();
        HostDescriptor host = new HostDescriptor(hostId, name, labels, agentVersion);
        lastHost = host;
        return host;
    }

    /** Returns the identity from the last collection, or reads {@code info} once where none has run yet. */
    public HostDescriptor currentHost(Supplier<Info> info) {
        HostDescriptor host = lastHost;
        return host != null ? host : describeHost(info.get());
    }
}
