package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static io.fleetbench.report.store.jooq.Tables.HOST_FACTS;
import static io.fleetbench.report.store.jooq.Tables.SNAPSHOTS;
import static io.fleetbench.report.store.jooq.Tables.SNAPSHOT_CONTAINERS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.query.ContainerMatch;
import io.fleetbench.report.query.ContainerQuery;
import io.fleetbench.report.query.HostIdentity;
import io.fleetbench.report.query.HostIdentity.IdentityConflict;
import io.fleetbench.report.query.HostSnapshotView;
import io.fleetbench.report.query.Slice;
import io.fleetbench.report.query.TransitionView;
import io.fleetbench.report.store.jooq.tables.records.SnapshotsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * Reads stored snapshot facts: incident-response queries over each host's newest snapshot, one host's snapshot at a
 * past time, and the transitions between two snapshots.
 */
@Repository
public class FactsQueries {

    private static final TypeReference<List<ImageFacts>> IMAGES_TYPE = new TypeReference<>() {
    };
    private static final TypeReference<List<NetworkFacts>> NETWORKS_TYPE = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> LABELS_TYPE = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final Duration staleAfter;
    private final Clock clock;

    public FactsQueries(DSLContext dsl, ReportProperties properties) {
        this.dsl = dsl;
        this.staleAfter = properties.staleAfter();
        this.clock = Clock.systemUTC();
    }

    /**
     * Lists the containers of each host's newest stored snapshot that match {@code query}, ordered by host id and
     * container name. Hosts that stopped reporting are included with the facts of their last snapshot, marked stale.
     *
     * @param afterHostId host id of the last item of the previous page, or {@code null} for the first page
     * @param afterContainer container name of that item
     */
    public Mono<Slice<ContainerMatch>> containers(ContainerQuery query, @Nullable String afterHostId,
            @Nullable String afterContainer, int limit) {
        Condition keyset = afterHostId == null || afterContainer == null
                ? DSL.noCondition()
                : DSL.row(SNAPSHOT_CONTAINERS.HOST_ID, SNAPSHOT_CONTAINERS.CONTAINER_NAME).gt(afterHostId,
                        afterContainer);
        Instant staleBefore = clock.instant().minus(staleAfter);
        return Flux.from(dsl.select(HOST_FACTS.HOST_ID, HOST_FACTS.NAME, HOST_FACTS.LAST_SNAPSHOT_SEQUENCE,
                                HOST_FACTS.LAST_COLLECTED_AT, SNAPSHOT_CONTAINERS.FACTS)
                        .from(SNAPSHOT_CONTAINERS)
                        .join(HOST_FACTS).on(HOST_FACTS.HOST_ID.eq(SNAPSHOT_CONTAINERS.HOST_ID)
                                .and(HOST_FACTS.LAST_SNAPSHOT_SEQUENCE.eq(SNAPSHOT_CONTAINERS.SNAPSHOT_SEQUENCE)))
                        .where(containerCondition(query))
                        .and(keyset)
                        .orderBy(SNAPSHOT_CONTAINERS.HOST_ID, SNAPSHOT_CONTAINERS.CONTAINER_NAME)
                        .limit(limit + 1))
                .map(row -> containerMatch(row, staleBefore))
                .collectList()
                .map(rows -> Slice.of(rows, limit));
    }

    /** Reads the identity facts of the host's newest snapshot, or returns an empty {@code Mono} for an unknown host. */
    public Mono<HostIdentity> identity(String hostId) {
        Instant staleBefore = clock.instant().minus(staleAfter);
        return Mono.from(dsl.selectFrom(HOST_FACTS).where(HOST_FACTS.HOST_ID.eq(hostId)))
                .map(row -> new HostIdentity(
                        row.getHostId(),
                        row.getName(),
                        EventCodec.mapper().readValue(row.getLabels().data(), LABELS_TYPE),
                        row.getAgentVersion(),
                        row.getEngineId(),
                        row.getEngineVersion(),
                        row.getDockerRootDir(),
                        row.getLastSnapshotSequence(),
                        row.getLastCollectedAt().toInstant(),
                        row.getLastCollectedAt().toInstant().isBefore(staleBefore),
                        row.getConflictingEngineId() == null || row.getConflictDetectedAt() == null
                                ? null
                                : new IdentityConflict(row.getConflictingEngineId(), row.getConflictingRootDir(),
                                        row.getConflictDetectedAt().toInstant())));
    }

    /**
     * Reads the host's newest stored snapshot collected at or before {@code at}.
     *
     * @return the snapshot, or an empty {@code Mono} when none is stored for that time
     */
    public Mono<HostSnapshotView> snapshotAt(String hostId, Instant at) {
        return Mono.from(dsl.selectFrom(SNAPSHOTS)
                        .where(SNAPSHOTS.HOST_ID.eq(hostId))
                        .and(SNAPSHOTS.COLLECTED_AT.le(at.atOffset(ZoneOffset.UTC)))
                        .orderBy(SNAPSHOTS.COLLECTED_AT.desc(), SNAPSHOTS.SNAPSHOT_SEQUENCE.desc())
                        .limit(1))
                .flatMap(snapshot -> Flux.from(dsl.select(SNAPSHOT_CONTAINERS.FACTS)
                                .from(SNAPSHOT_CONTAINERS)
                                .where(SNAPSHOT_CONTAINERS.HOST_ID.eq(hostId))
                                .and(SNAPSHOT_CONTAINERS.SNAPSHOT_SEQUENCE.eq(snapshot.getSnapshotSequence()))
                                .orderBy(SNAPSHOT_CONTAINERS.CONTAINER_NAME))
                        .map(row -> read(row.value1(), ContainerFacts.class))
                        .collectList()
                        .map(containers -> snapshotView(snapshot, containers)));
    }

    /** Returns the collection time of the host's oldest stored snapshot, or an empty {@code Mono} without any. */
    public Mono<Instant> oldestSnapshotTime(String hostId) {
        return Mono.from(dsl.select(DSL.min(SNAPSHOTS.COLLECTED_AT)).from(SNAPSHOTS)
                        .where(SNAPSHOTS.HOST_ID.eq(hostId)))
                .flatMap(row -> Mono.justOrEmpty(row.value1()))
                .map(time -> time.toInstant());
    }

    /** Lists the host's transitions recorded for snapshot sequences after {@code fromSequence} up to {@code toSequence}. */
    public Flux<TransitionView> transitionsBetween(String hostId, long fromSequence, long toSequence) {
        return Flux.from(dsl.selectFrom(FINDING_TRANSITIONS)
                        .where(FINDING_TRANSITIONS.HOST_ID.eq(hostId))
                        .and(FINDING_TRANSITIONS.SNAPSHOT_SEQUENCE.gt(fromSequence))
                        .and(FINDING_TRANSITIONS.SNAPSHOT_SEQUENCE.le(toSequence))
                        .orderBy(FINDING_TRANSITIONS.TRANSITION_ID))
                .map(row -> new TransitionView(row.getTransitionId(), row.getBenchmarkVersion(), row.getCheckId(),
                        row.getTargetKey(), row.getTitle(), row.getKind(), row.getFromStatus(), row.getToStatus(),
                        row.getReason(), row.getOccurredAt().toInstant(), row.getSnapshotSequence()));
    }

    /** Matches an image reference exactly, or any tag or digest of a reference given without one. */
    static Condition imageMatches(Field<String> imageColumn, String image) {
        return imageColumn.eq(image)
                .or(DSL.condition("starts_with({0}, {1})", imageColumn, DSL.val(image + ":")))
                .or(DSL.condition("starts_with({0}, {1})", imageColumn, DSL.val(image + "@")));
    }

    private static Condition containerCondition(ContainerQuery query) {
        Field<JSONB> facts = SNAPSHOT_CONTAINERS.FACTS;
        Condition condition = FleetQueries.labelCondition(HOST_FACTS.LABELS, query.labels());
        if (!query.hostIds().isEmpty()) {
            condition = condition.and(HOST_FACTS.HOST_ID.in(query.hostIds()));
        }

        if (query.privileged() != null) {
            condition = condition.and(SNAPSHOT_CONTAINERS.PRIVILEGED.eq(query.privileged()));
        }

        if (!query.hostNamespaces().isEmpty()) {
            Condition anyHostNamespace = DSL.falseCondition();
            for (String namespace : query.hostNamespaces()) {
                Field<String> mode = switch (namespace) {
                    case "network" -> SNAPSHOT_CONTAINERS.NETWORK_MODE;
                    case "pid" -> SNAPSHOT_CONTAINERS.PID_MODE;
                    case "ipc" -> SNAPSHOT_CONTAINERS.IPC_MODE;
                    case "uts" -> SNAPSHOT_CONTAINERS.UTS_MODE;
                    default -> throw new IllegalArgumentException("Unknown namespace '" + namespace
                            + "'; use network, pid, ipc or uts");
                };
                anyHostNamespace = anyHostNamespace.or(mode.eq("host"));
            }
            condition = condition.and(anyHostNamespace);
        }

        // A bind's source, or the real path the agent resolved it to through symbolic links (resolvedSource).
        if (query.mountSource() != null) {
            condition = condition.and(DSL.condition("exists (select 1 from jsonb_array_elements({0} -> 'mounts') as m(v)"
                    + " where m.v ->> 'source' = {1} or m.v ->> 'resolvedSource' = {1})", facts,
                    DSL.val(query.mountSource())));
        }

        if (query.mountSourcePrefix() != null) {
            // The path itself, or anything below it: "/var/run" matches "/var/run/docker.sock" but not "/var/runner".
            String directory = query.mountSourcePrefix().endsWith("/")
                    ? query.mountSourcePrefix()
                    : query.mountSourcePrefix() + "/";
            condition = condition.and(DSL.condition("exists (select 1 from jsonb_array_elements({0} -> 'mounts') as m(v)"
                    + " where m.v ->> 'source' = {1} or starts_with(m.v ->> 'source', {2})"
                    + " or m.v ->> 'resolvedSource' = {1} or starts_with(m.v ->> 'resolvedSource', {2}))", facts,
                    DSL.val(query.mountSourcePrefix()), DSL.val(directory)));
        }

        for (String capability : query.capabilities()) {
            condition = condition.and(DSL.condition("exists (select 1 from jsonb_array_elements_text({0} -> 'capAdd')"
                    + " as c(v) where upper(c.v) in ({1}, {2}))", facts, DSL.val(capability),
                    DSL.val("CAP_" + capability)));
        }

        if (query.anyCapabilityAdded() != null) {
            Condition added = DSL.condition("jsonb_array_length({0} -> 'capAdd') > 0", facts);
            condition = condition.and(query.anyCapabilityAdded() ? added : added.not());
        }

        if (query.image() != null) {
            condition = condition.and(imageMatches(SNAPSHOT_CONTAINERS.IMAGE, query.image()));
        }

        if (query.publishedPort() != null || query.bindAddress() != null) {
            // Both filters apply to the same published port. The engine reports an empty address for "every
            // interface", the same as 0.0.0.0.
            Condition portMatches = query.publishedPort() == null
                    ? DSL.trueCondition()
                    : DSL.condition("p.v ->> 'hostPort' = {0}", DSL.val(query.publishedPort()));
            Condition addressMatches = query.bindAddress() == null
                    ? DSL.trueCondition()
                    : DSL.condition("coalesce(nullif(p.v ->> 'hostIp', ''), '0.0.0.0') = {0}",
                            DSL.val(query.bindAddress()));
            condition = condition.and(DSL.condition("exists (select 1 from jsonb_array_elements({0} -> 'ports')"
                    + " as p(v) where {1})", facts, portMatches.and(addressMatches)));
        }

        if (query.secretEnv() != null) {
            Condition secret = DSL.condition("exists (select 1 from jsonb_array_elements({0} -> 'env') as e(v)"
                    + " where (e.v ->> 'secretLike')::boolean)", facts);
            condition = condition.and(query.secretEnv() ? secret : secret.not());
        }

        if (query.envName() != null) {
            condition = condition.and(DSL.condition("exists (select 1 from jsonb_array_elements({0} -> 'env') as e(v)"
                    + " where e.v ->> 'name' = {1})", facts, DSL.val(query.envName())));
        }
        return condition;
    }

    private static ContainerMatch containerMatch(Record row, Instant staleBefore) {
        ContainerFacts container = read(row.get(SNAPSHOT_CONTAINERS.FACTS), ContainerFacts.class);
        Instant snapshotAt = row.get(HOST_FACTS.LAST_COLLECTED_AT).toInstant();
        List<String> secretEnvNames = container.env().stream()
                .filter(EnvVariable::secretLike)
                .map(EnvVariable::name)
                .toList();
        return new ContainerMatch(
                row.get(HOST_FACTS.HOST_ID),
                row.get(HOST_FACTS.NAME),
                row.get(HOST_FACTS.LAST_SNAPSHOT_SEQUENCE),
                snapshotAt,
                snapshotAt.isBefore(staleBefore),
                container.name(),
                container.id(),
                container.image(),
                container.running(),
                container.privileged(),
                container.networkMode(),
                container.pidMode(),
                container.ipcMode(),
                container.utsMode(),
                container.capAdd(),
                container.mounts(),
                container.ports(),
                secretEnvNames);
    }

    private static HostSnapshotView snapshotView(SnapshotsRecord snapshot, List<ContainerFacts> containers) {
        return new HostSnapshotView(
                snapshot.getHostId(),
                snapshot.getSnapshotSequence(),
                snapshot.getEventId(),
                snapshot.getCollectedAt().toInstant(),
                read(snapshot.getEngine(), EngineInfo.class),
                read(snapshot.getDaemon(), DaemonConfig.class),
                containers,
                EventCodec.mapper().readValue(snapshot.getImages().data(), IMAGES_TYPE),
                EventCodec.mapper().readValue(snapshot.getNetworks().data(), NETWORKS_TYPE));
    }

    private static <T> T read(JSONB json, Class<T> type) {
        return EventCodec.mapper().readValue(json.data(), type);
    }

    /** Normalises a capability name to upper case without the {@code CAP_} prefix. */
    public static String capabilityName(String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
