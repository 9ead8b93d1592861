package io.fleetbench.report.alert;

import static io.fleetbench.report.store.jooq.Tables.ALERT_OUTBOX;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.report.ReportProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes alerts to the outbox within the caller's transaction, one row per enabled channel, so an alert exists
 * exactly when the change it reports was committed.
 */
@Component
public class AlertOutbox {

    /** Channel name of the webhook in {@code alert_outbox.channel}. */
    static final String WEBHOOK = "webhook";
    /** Channel name of syslog in {@code alert_outbox.channel}. */
    static final String SYSLOG = "syslog";

    private final List<String> channels;

    @Autowired
    public AlertOutbox(ReportProperties properties) {
        this(properties.alerts());
    }

    AlertOutbox(AlertSettings settings) {
        List<String> enabled = new ArrayList<>();
        if (settings.webhook().enabled()) {
            enabled.add(WEBHOOK);
        }
        if (settings.syslog().enabled()) {
            enabled.add(SYSLOG);
        }
        this.channels = List.copyOf(enabled);
    }

    /** Returns whether any channel is enabled, so that callers skip building alerts that no channel would send. */
    boolean anyChannel() {
        return !channels.isEmpty();
    }

    /**
     * Inserts an alert of {@code eventType} with {@code body} as its JSON payload, due at once.
     *
     * @param hostId the host the alert is about, or {@code null} when it spans hosts
     */
    public Mono<Void> enqueue(DSLContext tx, AlertType eventType, @Nullable String hostId, Map<String, Object> body,
            Instant now) {
        if (channels.isEmpty()) {
            return Mono.empty();
        }
        String payload = EventCodec.mapper().writeValueAsString(body);
        return Flux.fromIterable(channels)
                .concatMap(channel -> Mono.from(tx.insertInto(ALERT_OUTBOX)
                        .set(ALERT_OUTBOX.CHANNEL, channel)
                        .set(ALERT_OUTBOX.EVENT_TYPE, eventType.eventName())
                        .set(ALERT_OUTBOX.HOST_ID, hostId)
                        .set(ALERT_OUTBOX.PAYLOAD, payload)
                        .set(ALERT_OUTBOX.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                        .set(ALERT_OUTBOX.ATTEMPTS, 0)
                        .set(ALERT_OUTBOX.NEXT_ATTEMPT_AT, now.atOffset(ZoneOffset.UTC))))
                .then();
    }
}
