package io.fleetbench.report.export;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static io.fleetbench.report.store.jooq.Tables.WAIVERS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.report.CheckIdOrder;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import io.fleetbench.report.waiver.WaiverStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Reads current findings with their hosts and active waivers for the exports and compliance views. */
@Repository
class ExportQueries {

    private static final TypeReference<Map<String, String>> LABELS_TYPE = new TypeReference<>() {
    };

    static final Comparator<ExportedFinding> REPORT_ORDER = Comparator
            .comparing(ExportedFinding::checkId, CheckIdOrder.INSTANCE)
            .thenComparing(ExportedFinding::targetKey);

    private final DSLContext dsl;
    private final Clock clock;

    ExportQueries(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Reads one host, or returns an empty {@code Mono} when it is unknown. */
    Mono<HostsRecord> host(String hostId) {
        return Mono.from(dsl.selectFrom(HOSTS).where(HOSTS.HOST_ID.eq(hostId)));
    }

    /** Streams every host ordered by host id. */
    Flux<HostsRecord> hosts() {
        return Flux.from(dsl.selectFrom(HOSTS).orderBy(HOSTS.HOST_ID));
    }

    /** Reads one host's findings in report order: check id (numeric-aware), then target key. */
    Mono<List<ExportedFinding>> hostFindings(String hostId) {
        return findings(CURRENT_FINDINGS.HOST_ID.eq(hostId)).sort(REPORT_ORDER).collectList();
    }

    /**
     * Streams every current finding of the fleet ordered by host id, check id and target key. The order is the
     * database's, so check ids sort as text ({@code 5.10} before {@code 5.4}). Sorting them numerically would need
     * the whole fleet in memory.
     */
    Flux<ExportedFinding> fleetFindings() {
        return findings(DSL.noCondition());
    }

    private Flux<ExportedFinding> findings(Condition condition) {
        Field<Long> waiverId = WaiverStore.activeWaiverId(clock.instant()).as("active_waiver_id");
        List<SelectField<?>> fields = new java.util.ArrayList<>(List.of(CURRENT_FINDINGS.fields()));
        fields.add(HOSTS.NAME);
        fields.add(waiverId);
        return Flux.from(dsl.select(fields)
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .where(condition)
                        .orderBy(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY))
                .map(row -> exported(row, waiverId));
    }

    private static ExportedFinding exported(Record row, Field<Long> waiverId) {
        return new ExportedFinding(
                row.get(CURRENT_FINDINGS.HOST_ID),
                row.get(HOSTS.NAME),
                row.get(CURRENT_FINDINGS.BENCHMARK_VERSION),
                row.get(CURRENT_FINDINGS.CHECK_ID),
                row.get(CURRENT_FINDINGS.TITLE),
                row.get(CURRENT_FINDINGS.SECTION),
                row.get(CURRENT_FINDINGS.SCORED),
                row.get(CURRENT_FINDINGS.TARGET_KIND),
                row.get(CURRENT_FINDINGS.TARGET_KEY),
                row.get(CURRENT_FINDINGS.TARGET_ID),
                row.get(CURRENT_FINDINGS.STATUS),
                row.get(waiverId),
                row.get(CURRENT_FINDINGS.REASON),
                row.get(CURRENT_FINDINGS.REMEDIATION),
                row.get(CURRENT_FINDINGS.FIRST_SEEN).toInstant(),
                row.get(CURRENT_FINDINGS.LAST_CHANGED).toInstant());
    }

    /**
     * Rebuilds the last applied report of {@code host} from its stored rows, for the shared-model renderers. The
     * reason of a waived finding names its waiver.
     */
    static HostFindingsEvaluated asReport(HostsRecord host, List<ExportedFinding> findings) {
        List<Finding> reportFindings = findings.stream()
                .map(finding -> new Finding(finding.checkId(), finding.title(), finding.section(), finding.scored(),
                        finding.targetKind(), finding.targetKey(), finding.targetId(), finding.status(),
                        finding.waiverId() == null ? finding.reason()
                                : finding.reason() + " [waived by waiver " + finding.waiverId() + "]",
                        finding.remediation()))
                .toList();
        return new HostFindingsEvaluated(HostFindingsEvaluated.SCHEMA_VERSION, host.getLastReportEventId(),
                host.getLastReportAt().toInstant(),
                new HostDescriptor(host.getHostId(), host.getName(),
                        EventCodec.mapper().readValue(host.getLabels().data(), LABELS_TYPE), host.getAgentVersion()),
                host.getLastSnapshotSequence(), host.getLastSnapshotEventId(), host.getLastSeen().toInstant(),
                host.getEngineVersion(), host.getBenchmarkId(), host.getBenchmarkVersion(), reportFindings);
    }

    /** Counts current findings per check, status and whether an active waiver covers them, over the fleet. */
    Flux<CheckStatusCount> checkStatusCounts(String benchmarkVersion) {
        Field<Boolean> waived = DSL.field(WAIVERS.WAIVER_ID.isNotNull());
        return Flux.from(dsl.select(CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.STATUS, waived, DSL.count(),
                                DSL.countDistinct(CURRENT_FINDINGS.HOST_ID))
                        .from(CURRENT_FINDINGS)
                        .leftJoin(WAIVERS).on(WAIVERS.WAIVER_ID.eq(CURRENT_FINDINGS.WAIVER_ID)
                                .and(WAIVERS.REVOKED_AT.isNull())
                                .and(WAIVERS.EXPIRES_AT.gt(clock.instant().atOffset(ZoneOffset.UTC))))
                        .where(CURRENT_FINDINGS.BENCHMARK_VERSION.eq(benchmarkVersion))
                        .groupBy(CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.STATUS, waived))
                .map(row -> new CheckStatusCount(row.value1(), row.value2(), Boolean.TRUE.equals(row.value3()),
                        row.value4(), row.value5()));
    }

    /** Findings of one check with one status, split by waiver. */
    record CheckStatusCount(String checkId, Status status, boolean waived, int findings, int hosts) {
    }
}
