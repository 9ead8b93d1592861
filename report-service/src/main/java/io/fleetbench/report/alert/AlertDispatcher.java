package io.fleetbench.report.alert;

import static io.fleetbench.report.store.jooq.Tables.ALERT_OUTBOX;

import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.jooq.tables.records.AlertOutboxRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers due outbox alerts in the background, apart from ingest. Each scan claims up to
 * {@code batch-size} due rows by moving their next attempt past the delivery timeout ({@code FOR UPDATE SKIP
 * LOCKED}, so two report-service instances never claim one row), sends them one after the other, then deletes
 * each delivered row or schedules its retry with exponential back-off. Delivery is at least once: a crash after
 * sending and before the delete sends the alert again when its claim runs out.
 */
@Component
class AlertDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DSLContext dsl;
    private final AlertSettings settings;
    private final Clock clock;
    private final @Nullable WebhookSender webhook;
    private final @Nullable SyslogSender syslog;
    private final Duration claimDuration;
    private final List<String> channels;
    private volatile @Nullable Disposable running;

    @Autowired
    AlertDispatcher(DSLContext dsl, ReportProperties properties, Clock clock) {
        this(dsl, properties.alerts(), clock);
    }

    AlertDispatcher(DSLContext dsl, AlertSettings settings, Clock clock) {
        this.dsl = dsl;
        this.settings = settings;
        this.clock = clock;
        // Boot 4 auto-configures a WebClient.Builder only with spring-boot-webclient, which this service does not
        // otherwise need, so the sender starts from WebClient.builder().
        this.webhook = settings.webhook().enabled() ? new WebhookSender(WebClient.builder(), settings.webhook()) : null;
        this.syslog = settings.syslog().enabled() ? new SyslogSender(settings.syslog(), localHostname()) : null;
        this.claimDuration = settings.webhook().timeout().plus(CLAIM_MARGIN);
        List<String> enabled = new ArrayList<>();
        if (webhook != null) {
            enabled.add(AlertOutbox.WEBHOOK);
        }
        if (syslog != null) {
            enabled.add(AlertOutbox.SYSLOG);
        }
        this.channels = List.copyOf(enabled);
    }

    @Override
    public void start() {
        if (webhook == null && syslog == null) {
            log.info("Alert delivery is off: neither fleetbench.report.alerts.webhook.url nor"
                    + " fleetbench.report.alerts.syslog.host is set");
            return;
        }
        log.info("Alert delivery started: webhook {}, syslog {}, scanning every {}",
                webhook == null ? "off" : "on", syslog == null ? "off" : "on", settings.pollInterval());
        running = Flux.interval(settings.pollInterval(), settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> deliverDue().onErrorResume(error -> {
                    log.error("Scanning the alert outbox failed, retrying in {}", settings.pollInterval(), error);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            log.info("Alert delivery stopped");
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    /** Claims the due alerts of the enabled channels and attempts each once, and returns how many were delivered. */
    Mono<Long> deliverDue() {
        if (channels.isEmpty()) {
            return Mono.just(0L);
        }
        Instant now = clock.instant();
        var due = dsl.select(ALERT_OUTBOX.ALERT_ID)
                .from(ALERT_OUTBOX)
                .where(ALERT_OUTBOX.FAILED_AT.isNull())
                .and(ALERT_OUTBOX.CHANNEL.in(channels))
                .and(ALERT_OUTBOX.NEXT_ATTEMPT_AT.le(now.atOffset(ZoneOffset.UTC)))
                .orderBy(ALERT_OUTBOX.ALERT_ID)
                .limit(settings.batchSize())
                .forUpdate()
                .skipLocked();
        Flux<AlertOutboxRecord> claimed = Flux.from(dsl.update(ALERT_OUTBOX)
                        .set(ALERT_OUTBOX.NEXT_ATTEMPT_AT, now.plus(claimDuration).atOffset(ZoneOffset.UTC))
                        .where(ALERT_OUTBOX.ALERT_ID.in(due))
                        .returning())
                .sort((left, right) -> Long.compare(left.getAlertId(), right.getAlertId()));
        return claimed.concatMap(this::attempt).filter(Boolean::booleanValue).count();
    }

    private Mono<Boolean> attempt(AlertOutboxRecord alert) {
        return send(alert)
                .then(Mono.from(dsl.deleteFrom(ALERT_OUTBOX).where(ALERT_OUTBOX.ALERT_ID.eq(alert.getAlertId()))))
                .doOnNext(deleted -> log.debug("Delivered alert {} ({}) over {}", alert.getAlertId(),
                        alert.getEventType(), alert.getChannel()))
                .thenReturn(true)
                .onErrorResume(error -> scheduleRetry(alert, error).thenReturn(false));
    }

    private Mono<Void> send(AlertOutboxRecord alert) {
        if (AlertOutbox.WEBHOOK.equals(alert.getChannel()) && webhook != null) {
            return webhook.send(alert.getAlertId(), alert.getEventType(), alert.getPayload());
        }
        if (AlertOutbox.SYSLOG.equals(alert.getChannel()) && syslog != null) {
            return syslog.send(alert.getAlertId(), alert.getEventType(), alert.getHostId(),
                    alert.getCreatedAt().toInstant(), alert.getPayload());
        }
        return Mono.error(new IllegalStateException("Channel '" + alert.getChannel() + "' of alert "
                + alert.getAlertId() + " is not configured. Set its address under fleetbench.report.alerts"));
    }

    private Mono<Void> scheduleRetry(AlertOutboxRecord alert, Throwable error) {
        int attempts = alert.getAttempts() + 1;
        Instant now = clock.instant();
        String message = String.valueOf(error.getMessage());
        String lastError = message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
        var update = dsl.update(ALERT_OUTBOX)
                .set(ALERT_OUTBOX.ATTEMPTS, attempts)
                .set(ALERT_OUTBOX.LAST_ERROR, lastError);
        if (attempts >= settings.maxAttempts()) {
            log.error("Alert {} ({}) over {} failed {} times and is given up; last error: {}", alert.getAlertId(),
                    alert.getEventType(), alert.getChannel(), attempts, lastError);
            return Mono.from(update.set(ALERT_OUTBOX.FAILED_AT, now.atOffset(ZoneOffset.UTC))
                    .where(ALERT_OUTBOX.ALERT_ID.eq(alert.getAlertId()))).then();
        }
        Duration backoff = backoff(attempts);
        log.warn("Alert {} ({}) over {} failed on attempt {} of {}, retrying in {}: {}", alert.getAlertId(),
                alert.getEventType(), alert.getChannel(), attempts, settings.maxAttempts(), backoff, lastError);
        return Mono.from(update.set(ALERT_OUTBOX.NEXT_ATTEMPT_AT, now.plus(backoff).atOffset(ZoneOffset.UTC))
                .where(ALERT_OUTBOX.ALERT_ID.eq(alert.getAlertId()))).then();
    }

    /** Returns the wait after failed attempt number {@code attempts}: the initial back-off, doubled each time. */
    Duration backoff(int attempts) {
        Duration wait = settings.initialBackoff();
        for (int attempt = 1; attempt < attempts && wait.compareTo(settings.maxBackoff()) < 0; attempt++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // RFC 5424's NILVALUE for an unknown host name.
            return "-";
        }
    }
}
