package io.fleetbench.report.alert;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.ReportTransactionHook;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes one {@code finding_opened} alert per applied report whose findings newly warn: opened as WARN, or changed
 * to WARN. Findings that a waiver covered on arrival are left out, so this hook runs after the waiver hook.
 */
@Component
@Order(AlertIngestHook.ORDER)
class AlertIngestHook implements ReportTransactionHook {

    static final int ORDER = 200;

    private final AlertOutbox outbox;
    private final Clock clock;

    AlertIngestHook(AlertOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> transitions) {
        if (!outbox.anyChannel()) {
            return Mono.empty();
        }
        List<FindingTransitionsRecord> warnings = transitions.stream()
                .filter(row -> row.getToStatus() == Status.WARN)
                .filter(row -> row.getKind() == TransitionKind.OPENED || row.getKind() == TransitionKind.STATUS_CHANGED)
                .toList();
        if (warnings.isEmpty()) {
            return Mono.empty();
        }
        Mono<Set<String>> waivedTargets = Flux.from(tx.select(CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY)
                        .from(CURRENT_FINDINGS)
                        .where(CURRENT_FINDINGS.HOST_ID.eq(report.hostId()))
                        .and(CURRENT_FINDINGS.BENCHMARK_VERSION.eq(report.benchmarkVersion()))
                        .and(CURRENT_FINDINGS.WAIVER_ID.isNotNull())
                        .and(CURRENT_FINDINGS.CHECK_ID.in(warnings.stream()
                                .map(FindingTransitionsRecord::getCheckId).collect(Collectors.toSet()))))
                .map(row -> row.value1() + "\n" + row.value2())
                .collect(Collectors.toSet());
        return waivedTargets.flatMap(waived -> {
            Map<String, Finding> findings = new LinkedHashMap<>();
            for (Finding finding : report.findings()) {
                findings.put(finding.checkId() + "\n" + finding.targetKey(), finding);
            }
            List<Map<String, Object>> opened = warnings.stream()
                    .filter(row -> !waived.contains(row.getCheckId() + "\n" + row.getTargetKey()))
                    .map(row -> findingEntry(row, findings.get(row.getCheckId() + "\n" + row.getTargetKey())))
                    .toList();
            if (opened.isEmpty()) {
                return Mono.empty();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", AlertType.FINDING_OPENED.eventName());
            body.put("hostId", report.hostId());
            body.put("hostName", report.host().name());
            body.put("benchmarkVersion", report.benchmarkVersion());
            body.put("snapshotSequence", report.snapshotSequence());
            body.put("collectedAt", report.snapshotCollectedAt().toString());
            body.put("reportEventId", report.eventId());
            body.put("findings", opened);
            return outbox.enqueue(tx, AlertType.FINDING_OPENED, report.hostId(), body, clock.instant());
        });
    }

    private static Map<String, Object> findingEntry(FindingTransitionsRecord row, Finding finding) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("checkId", row.getCheckId());
        entry.put("title", row.getTitle());
        entry.put("targetKey", row.getTargetKey());
        entry.put("previousStatus", row.getFromStatus() == null ? null : row.getFromStatus().name());
        entry.put("reason", row.getReason());
        entry.put("remediation", finding == null ? null : finding.remediation());
        return entry;
    }
}
