package io.fleetbench.report.store;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.util.List;
import org.jooq.DSLContext;
import reactor.core.publisher.Mono;

/**
 * Work that runs inside the transaction of an applied report, after its current results and transitions are
 * written. Hooks run one after the other in their {@link org.springframework.core.annotation.Order}, and an error
 * in a hook rolls the whole report back, so the binder retries it.
 */
public interface ReportTransactionHook {

    /**
     * Runs within {@code tx} after {@code report} was written.
     *
     * @param transitions the opened, changed and resolved transitions that the report recorded
     */
    Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report, List<FindingTransitionsRecord> transitions);
}
