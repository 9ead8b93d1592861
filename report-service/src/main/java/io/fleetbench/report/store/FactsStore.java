package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.HOST_FACTS;
import static io.fleetbench.report.store.jooq.Tables.SNAPSHOTS;
import static io.fleetbench.report.store.jooq.Tables.SNAPSHOT_CONTAINERS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.jooq.tables.records.HostFactsRecord;
import io.fleetbench.report.store.jooq.tables.records.SnapshotContainersRecord;
import io.fleetbench.report.store.jooq.tables.records.SnapshotsRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores host snapshots: the host's identity facts, and the container, image, network and daemon facts of each
 * snapshot for a bounded time. One PostgreSQL transaction per snapshot, which locks the host's facts row.
 *
 * <p>A snapshot is stored only if its sequence is newer than the host's newest stored one. A snapshot from another
 * engine (another engine ID or data root) under the same host id is flagged as an identity conflict, whether or not
 * it is newer, because two agents claiming one host id send interleaved sequences.
 */
@Repository
public class FactsStore {

    static final int CONTAINER_NAME_LIMIT = 256;
    static final int IMAGE_LIMIT = 512;

    private final DSLContext dsl;
    private final int writeBatchSize;
    private final Duration factsRetention;

    public FactsStore(DSLContext dsl, ReportProperties properties) {
        this.dsl = dsl;
        this.writeBatchSize = properties.writeBatchSize();
        this.factsRetention = properties.factsRetention();
    }

    /**
     * Stores {@code snapshot} in one transaction, or only records an identity conflict when its sequence is not newer
     * than the host's newest stored one.
     *
     * @throws InvalidEventException when a container name or image is longer than its column, or a container name
     *     appears twice, before any database access
     */
    public Mono<FactsOutcome> apply(HostSnapshotCollected snapshot) {
        validate(snapshot);
        return Mono.from(dsl.transactionPublisher(transaction -> applyLocked(transaction.dsl(), snapshot)));
    }

    private Mono<FactsOutcome> applyLocked(DSLContext tx, HostSnapshotCollected snapshot) {
        Mono<HostFactsRecord> existing = Mono.from(tx.selectFrom(HOST_FACTS)
                .where(HOST_FACTS.HOST_ID.eq(snapshot.hostId()))
                .forUpdate());
        Mono<FactsOutcome> firstSnapshot = Mono.from(tx.insertInto(HOST_FACTS)
                        .set(hostFacts(snapshot))
                        .onConflictDoNothing())
                .flatMap(rowCount -> rowCount == 1
                        ? writeSnapshot(tx, snapshot).map(containers -> new FactsOutcome(true, null, containers, 0,
                                null))
                        // Another transaction inserted the host first; it is now committed, so lock and compare.
                        : existing.flatMap(stored -> applyToExisting(tx, snapshot, stored)));
        return existing.flatMap(stored -> applyToExisting(tx, snapshot, stored)).switchIfEmpty(firstSnapshot);
    }

    private Mono<FactsOutcome> applyToExisting(DSLContext tx, HostSnapshotCollected snapshot, HostFactsRecord stored) {
        String otherEngine = sameEngine(stored, snapshot) ? null : stored.getEngineId();
        long previousSequence = stored.getLastSnapshotSequence();
        if (snapshot.sequence() <= previousSequence) {
            if (otherEngine == null) {
                return Mono.just(new FactsOutcome(false, previousSequence, 0, 0, null));
            }
            // The stored row stays; the snapshot's engine is the conflicting one.
            return Mono.from(tx.update(HOST_FACTS)
                            .set(HOST_FACTS.CONFLICTING_ENGINE_ID, snapshot.engine().engineId())
                            .set(HOST_FACTS.CONFLICTING_ROOT_DIR, snapshot.engine().dockerRootDir())
                            .set(HOST_FACTS.CONFLICT_DETECTED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                            .where(HOST_FACTS.HOST_ID.eq(snapshot.hostId())))
                    .thenReturn(new FactsOutcome(false, previousSequence, 0, 0, snapshot.engine().engineId()));
        }

        HostFactsRecord update = hostFacts(snapshot);
        if (otherEngine != null) {
            update.setConflictingEngineId(stored.getEngineId());
            update.setConflictingRootDir(stored.getDockerRootDir());
            update.setConflictDetectedAt(OffsetDateTime.now(ZoneOffset.UTC));
        }
        OffsetDateTime keepFrom = snapshot.occurredAt().atOffset(ZoneOffset.UTC).minus(factsRetention);
        Mono<Integer> deleteExpired = Mono.from(tx.deleteFrom(SNAPSHOTS)
                .where(SNAPSHOTS.HOST_ID.eq(snapshot.hostId()))
                .and(SNAPSHOTS.COLLECTED_AT.lt(keepFrom))
                .and(SNAPSHOTS.SNAPSHOT_SEQUENCE.ne(snapshot.sequence())));
        return Mono.from(tx.update(HOST_FACTS).set(update).where(HOST_FACTS.HOST_ID.eq(snapshot.hostId())))
                .then(writeSnapshot(tx, snapshot))
                .flatMap(containers -> deleteExpired.map(deleted -> new FactsOutcome(true, previousSequence,
                        containers, deleted, otherEngine)));
    }

    /** Inserts the snapshot row and its containers, and returns the number of containers. */
    private Mono<Integer> writeSnapshot(DSLContext tx, HostSnapshotCollected snapshot) {
        List<SnapshotContainersRecord> containers = snapshot.containers().stream()
                .map(container -> containerRow(snapshot, container))
                .toList();
        List<List<SnapshotContainersRecord>> batches = new ArrayList<>();
        for (int start = 0; start < containers.size(); start += writeBatchSize) {
            batches.add(containers.subList(start, Math.min(containers.size(), start + writeBatchSize)));
        }
        return Mono.from(tx.insertInto(SNAPSHOTS).set(snapshotRow(snapshot)))
                .thenMany(Flux.fromIterable(batches).concatMap(batch -> Mono.from(tx.insertInto(SNAPSHOT_CONTAINERS)
                        .columns(SNAPSHOT_CONTAINERS.fields())
                        .valuesOfRecords(batch))))
                .reduce(0, Integer::sum);
    }

    /**
     * Returns whether the stored facts and the snapshot name the same engine ID and data root.
     *
     * <p>NOTE: a reinstalled engine or a moved data root also differs, so the conflict flag can be a false alarm
     * until an operator checks it. Later snapshots never clear the flag.
     */
    private static boolean sameEngine(HostFactsRecord stored, HostSnapshotCollected snapshot) {
        return stored.getEngineId().equals(snapshot.engine().engineId())
                && Objects.equals(stored.getDockerRootDir(), snapshot.engine().dockerRootDir());
    }

    private static void validate(HostSnapshotCollected snapshot) {
        Set<String> names = new HashSet<>();
        for (ContainerFacts container : snapshot.containers()) {
            requireMaxLength(snapshot, "container name", container.name(), CONTAINER_NAME_LIMIT);
            requireMaxLength(snapshot, "container image", container.image(), IMAGE_LIMIT);
            if (!names.add(container.name())) {
                throw new InvalidEventException("Snapshot " + snapshot.eventId() + " of host " + snapshot.hostId()
                        + " contains container name '" + container.name() + "' twice. An engine's container names"
                        + " are unique, so the agent must send each container once");
            }
        }
    }

    private static void requireMaxLength(HostSnapshotCollected snapshot, String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidEventException("Snapshot " + snapshot.eventId() + " of host " + snapshot.hostId()
                    + " has a " + field + " of " + value.length() + " characters, more than the maximum of "
                    + maxLength + " that the report store accepts");
        }
    }

    private static HostFactsRecord hostFacts(HostSnapshotCollected snapshot) {
        HostFactsRecord row = new HostFactsRecord();
        row.setHostId(snapshot.hostId());
        row.setName(snapshot.host().name());
        row.setLabels(json(new TreeMap<>(snapshot.host().labels())));
        row.setAgentVersion(snapshot.host().agentVersion());
        row.setEngineId(snapshot.engine().engineId());
        row.setEngineVersion(snapshot.engine().serverVersion());
        row.setDockerRootDir(snapshot.engine().dockerRootDir());
        row.setLastSnapshotSequence(snapshot.sequence());
        row.setLastSnapshotEventId(snapshot.eventId());
        row.setLastCollectedAt(snapshot.occurredAt().atOffset(ZoneOffset.UTC));
        return row;
    }

    private static SnapshotsRecord snapshotRow(HostSnapshotCollected snapshot) {
        SnapshotsRecord row = new SnapshotsRecord();
        row.setHostId(snapshot.hostId());
        row.setSnapshotSequence(snapshot.sequence());
        row.setEventId(snapshot.eventId());
        row.setCollectedAt(snapshot.occurredAt().atOffset(ZoneOffset.UTC));
        row.setEngine(json(snapshot.engine()));
        row.setDaemon(json(snapshot.daemon()));
        row.setImages(json(snapshot.images()));
        row.setNetworks(json(snapshot.networks()));
        return row;
    }

    private static SnapshotContainersRecord containerRow(HostSnapshotCollected snapshot, ContainerFacts container) {
        SnapshotContainersRecord row = new SnapshotContainersRecord();
        row.setHostId(snapshot.hostId());
        row.setSnapshotSequence(snapshot.sequence());
        row.setContainerName(container.name());
        row.setContainerId(container.id());
        row.setImage(container.image());
        row.setRunning(container.running());
        row.setPrivileged(container.privileged());
        row.setNetworkMode(container.networkMode());
        row.setPidMode(container.pidMode());
        row.setIpcMode(container.ipcMode());
        row.setUtsMode(container.utsMode());
        row.setFacts(json(container));
        return row;
    }

    static JSONB json(Object value) {
        return JSONB.valueOf(EventCodec.mapper().writeValueAsString(value));
    }

    /**
     * The result of offering one snapshot to the store.
     *
     * @param applied whether the snapshot was stored; {@code false} when its sequence was not newer
     * @param previousSequence the host's newest stored sequence before, or {@code null} for a new host
     * @param containers number of container rows written
     * @param expiredSnapshots number of older snapshots deleted because they fell out of the retention time
     * @param conflictingEngineId the other engine ID when this snapshot and the stored facts come from different
     *     engines, or {@code null}
     */
    public record FactsOutcome(boolean applied, @Nullable Long previousSequence, int containers,
            int expiredSnapshots, @Nullable String conflictingEngineId) {
    }
}
