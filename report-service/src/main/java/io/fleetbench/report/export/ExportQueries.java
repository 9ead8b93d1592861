package io.fleetbench.report.export;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.HOST_CHECK_COUNTS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static io.fleetbench.report.store.jooq.Tables.WAIVERS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.report.CheckIdOrder;
import io.fleetbench.model.report.RuleDescription;
import io.fleetbench.report.store.jooq.tables.Waivers;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import io.fleetbench.report.waiver.WaiverStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
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

    /**
     * Hosts per page of the fleet exports. A page's findings are read in one query and held together, so this bounds
     * the memory of a fleet export to about ten hosts' findings while keeping the number of queries at two per page.
     */
    static final int HOST_PAGE_SIZE = 10;

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

    /**
     * Streams every host with its current findings, ordered by host id, with findings in report order. Hosts are
     * read in pages of {@link #HOST_PAGE_SIZE} after the last host id of the previous page, so no query stays open
     * while a slow client reads the export. A host whose report is applied while the export runs appears as stored
     * when its page is read.
     */
    Flux<HostFindings> fleetHosts() {
        return hostPage(null)
                .expand(page -> page.size() < HOST_PAGE_SIZE ? Mono.empty()
                        : hostPage(page.get(page.size() - 1).getHostId()))
                .concatMap(this::findingsOfPage);
    }

    private Mono<List<HostsRecord>> hostPage(@Nullable String afterHostId) {
        Condition after = afterHostId == null ? DSL.noCondition() : HOSTS.HOST_ID.gt(afterHostId);
        return Flux.from(dsl.selectFrom(HOSTS).where(after).orderBy(HOSTS.HOST_ID).limit(HOST_PAGE_SIZE))
                .collectList();
    }

    private Flux<HostFindings> findingsOfPage(List<HostsRecord> page) {
        if (page.isEmpty()) {
            return Flux.empty();
        }
        List<String> hostIds = page.stream().map(HostsRecord::getHostId).toList();
        return findings(CURRENT_FINDINGS.HOST_ID.in(hostIds))
                .collectMultimap(row -> row.finding().hostId())
                .flatMapIterable(byHost -> page.stream()
                        .map(host -> HostFindings.of(host, byHost.getOrDefault(host.getHostId(), List.of())))
                        .toList());
    }

    /**
     * Describes the checks of every current finding of the fleet as rules, per benchmark version in ascending
     * order and per check in benchmark order. The remediation is one that a finding of the check carries, if any.
     */
    Mono<Map<String, List<RuleDescription>>> fleetRules() {
        return Flux.from(dsl.select(CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID,
                                DSL.min(CURRENT_FINDINGS.TITLE), DSL.min(CURRENT_FINDINGS.SECTION),
                                DSL.boolOr(CURRENT_FINDINGS.SCORED), DSL.max(CURRENT_FINDINGS.REMEDIATION))
                        .from(CURRENT_FINDINGS)
                        .groupBy(CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID))
                .collectList()
                .map(rows -> {
                    Map<String, Map<String, RuleDescription>> byVersion = new TreeMap<>(CheckIdOrder.INSTANCE);
                    for (var row : rows) {
                        RuleDescription rule = new RuleDescription(row.value2(),
                                "Cis" + row.value2().replace('.', '_'), row.value3(), row.value4(),
                                Boolean.TRUE.equals(row.value5()), row.value6());
                        byVersion.computeIfAbsent(row.value1(), version -> new TreeMap<>(CheckIdOrder.INSTANCE))
                                .put(rule.id(), rule);
                    }
                    Map<String, List<RuleDescription>> rules = new LinkedHashMap<>();
                    byVersion.forEach((version, checks) -> rules.put(version, List.copyOf(checks.values())));
                    return rules;
                });
    }

    /** Reads the findings of {@code host} in report order: check id (numeric-aware), then target key. */
    Mono<HostFindings> hostFindings(HostsRecord host) {
        return findings(CURRENT_FINDINGS.HOST_ID.eq(host.getHostId()))
                .collectList()
                .map(rows -> HostFindings.of(host, rows));
    }

    /**
     * Reads findings with their active waiver's terms. The waiver row is joined by the finding's waiver id whatever
     * its state, and its terms are used only where {@link WaiverStore#activeWaiverId(Instant)} finds the waiver
     * active, so that rule stays in one place. The join uses an alias because that subquery reads {@code waivers}
     * itself.
     */
    private Flux<FindingRow> findings(Condition condition) {
        Field<Long> waiverId = WaiverStore.activeWaiverId(clock.instant()).as("active_waiver_id");
        Waivers terms = WAIVERS.as("waiver_terms");
        Field<String> waiverReason = terms.REASON.as("waiver_reason");
        Field<String> waiverApprover = terms.APPROVER.as("waiver_approver");
        Field<OffsetDateTime> waiverExpiresAt = terms.EXPIRES_AT.as("waiver_expires_at");
        List<SelectField<?>> fields = new java.util.ArrayList<>(List.of(CURRENT_FINDINGS.fields()));
        fields.add(HOSTS.NAME);
        fields.add(waiverId);
        fields.add(waiverReason);
        fields.add(waiverApprover);
        fields.add(waiverExpiresAt);
        return Flux.from(dsl.select(fields)
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .leftJoin(terms).on(terms.WAIVER_ID.eq(CURRENT_FINDINGS.WAIVER_ID))
                        .where(condition)
                        .orderBy(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY))
                .map(row -> {
                    ExportedFinding finding = exported(row, waiverId);
                    String justification = finding.waiverId() == null ? null
                            : waiverJustification(finding.waiverId(), row.get(waiverReason), row.get(waiverApprover),
                                    row.get(waiverExpiresAt).toInstant());
                    return new FindingRow(finding, justification);
                });
    }

    /**
     * Returns the text that the SARIF and JUnit XML exports give as the reason a waived finding is accepted: the
     * waiver's id, approver, expiry and reason.
     */
    private static String waiverJustification(long waiverId, String reason, String approver, Instant expiresAt) {
        return "Accepted by Fleetbench waiver " + waiverId + " (approved by " + approver + ", expires " + expiresAt
                + "): " + reason;
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
    Flux<CheckStatusCount> checkStatusCounts() {
        return Flux.from(dsl.select(HOST_CHECK_COUNTS.BENCHMARK_VERSION, HOST_CHECK_COUNTS.CHECK_ID,
                                HOST_CHECK_COUNTS.STATUS, HOST_CHECK_COUNTS.WAIVED,
                                DSL.sum(HOST_CHECK_COUNTS.FINDING_COUNT),
                                DSL.countDistinct(HOST_CHECK_COUNTS.HOST_ID))
                        .from(HOST_CHECK_COUNTS)
                        .groupBy(HOST_CHECK_COUNTS.BENCHMARK_VERSION, HOST_CHECK_COUNTS.CHECK_ID,
                                HOST_CHECK_COUNTS.STATUS, HOST_CHECK_COUNTS.WAIVED))
                .map(row -> new CheckStatusCount(row.value1(), row.value2(), row.value3(),
                        Boolean.TRUE.equals(row.value4()), row.value5() == null ? 0 : row.value5().longValue(),
                        row.value6()));
    }

    /** Findings of one check of one catalogue version with one status, split by waiver. */
    record CheckStatusCount(String benchmarkVersion, String checkId, Status status, boolean waived, long findings,
            int hosts) {
    }

    /** One current finding as read, with its {@link #waiverJustification} while an active waiver covers it. */
    private record FindingRow(ExportedFinding finding, @Nullable String justification) {
    }

    /**
     * One host with its current findings in report order, and the waiver justification of each waived finding keyed
     * by check id and target key.
     */
    record HostFindings(HostsRecord host, List<ExportedFinding> findings, Map<String, String> justifications) {

        private static HostFindings of(HostsRecord host, Collection<FindingRow> rows) {
            List<ExportedFinding> findings = new ArrayList<>(rows.size());
            Map<String, String> justifications = new HashMap<>();
            for (FindingRow row : rows) {
                findings.add(row.finding());
                if (row.justification() != null) {
                    justifications.put(findingKey(row.finding().checkId(), row.finding().targetKey()),
                            row.justification());
                }
            }
            findings.sort(REPORT_ORDER);
            return new HostFindings(host, findings, justifications);
        }

        /** Rebuilds the host's last applied report, as {@link ExportQueries#asReport} does. */
        HostFindingsEvaluated report() {
            return asReport(host, findings);
        }

        /**
         * Returns, for a finding of {@link #report()}, the justification of the active waiver that covers it, or
         * empty. The SARIF export marks such a result as accepted and the JUnit XML export writes it as skipped.
         */
        Function<Finding, Optional<String>> acceptance() {
            return finding -> Optional.ofNullable(justifications.get(findingKey(finding.checkId(),
                    finding.targetKey())));
        }

        private static String findingKey(String checkId, String targetKey) {
            return checkId + "\n" + targetKey;
        }
    }
}
