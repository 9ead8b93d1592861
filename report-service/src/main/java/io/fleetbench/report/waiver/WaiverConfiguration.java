package io.fleetbench.report.waiver;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.ReportTransactionHook;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Declares the service clock, the ingest hook that waives arriving findings, and the expiry job. */
@Configuration(proxyBeanMethods = false)
class WaiverConfiguration {

    /** Runs before the alert hook, so a finding waived on arrival raises no alert. */
    static final int INGEST_HOOK_ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(WaiverConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Order(INGEST_HOOK_ORDER)
    ReportTransactionHook waiverIngestHook(WaiverStore store, Clock clock) {
        return new ReportTransactionHook() {
            @Override
            public Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report,
                    List<FindingTransitionsRecord> transitions) {
                return store.waiveOnIngest(tx, report, clock.instant());
            }
        };
    }

    @Bean
    SmartLifecycle waiverExpiryJob(WaiverService waivers, ReportProperties properties) {
        return new ExpiryJob(waivers, properties.waivers().expiryInterval());
    }

    /**
     * Calls {@link WaiverService#expireDue()} on an interval, one run after the other. A failed run is logged and
     * the next run tries again.
     */
    private static final class ExpiryJob implements SmartLifecycle {

        private final WaiverService waivers;
        private final Duration interval;
        private volatile Disposable running;

        ExpiryJob(WaiverService waivers, Duration interval) {
            this.waivers = waivers;
            this.interval = interval;
        }

        @Override
        public void start() {
            running = Flux.interval(interval, interval)
                    .onBackpressureDrop()
                    .concatMap(tick -> waivers.expireDue()
                            .onErrorResume(error -> {
                                log.error("Expiring waivers failed, retrying in {}", interval, error);
                                return Mono.empty();
                            }), 1)
                    .subscribe();
        }

        @Override
        public void stop() {
            Disposable current = running;
            if (current != null) {
                current.dispose();
            }
            running = null;
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }
    }
}
