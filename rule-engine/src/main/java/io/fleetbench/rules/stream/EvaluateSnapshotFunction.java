package io.fleetbench.rules.stream;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.finding.Status;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Decodes one host snapshot record, evaluates it and returns the audit report record, keyed by host id. A record
 * that cannot be decoded raises {@link InvalidEventException}, which the binder sends to the dead-letter topic
 * without retrying.
 */
final class EvaluateSnapshotFunction implements Function<Message<byte[]>, Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EvaluateSnapshotFunction.class);

    private final AuditEvaluator evaluator;

    EvaluateSnapshotFunction(AuditEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> record) {
        long started = System.nanoTime();
        HostSnapshotCollected snapshot = decode(record);
        warnOnKeyMismatch(record, snapshot);

        HostFindingsEvaluated report = evaluator.evaluate(snapshot);
        byte[] payload = EventCodec.encode(report);

        Map<Status, Long> counts = report.countByStatus();
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Evaluated snapshot {} of host {} (sequence {}) against {} {}: {} PASS, {} WARN, {} INFO, {} NOTE "
                        + "in {} ms",
                snapshot.eventId(), snapshot.hostId(), snapshot.sequence(), report.benchmarkId(),
                report.benchmarkVersion(), counts.get(Status.PASS), counts.get(Status.WARN), counts.get(Status.INFO),
                counts.get(Status.NOTE), elapsedMillis);

        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.KEY, report.hostId().getBytes(StandardCharsets.UTF_8))
                // The payload is EventCodec JSON already. Declared as octet-stream, consumers' bindings hand the bytes
                // over unconverted instead of reading them as JSON into a byte[].
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_OCTET_STREAM_VALUE)
                .build();
    }

    private static HostSnapshotCollected decode(Message<byte[]> record) {
        try {
            return EventCodec.decodeSnapshot(record.getPayload());
        } catch (InvalidEventException e) {
            // The binder logs the failure and dead-letters the record; this line adds where it came from.
            log.warn("Rejected record at {}-{} offset {} with key {}: {}", header(record, KafkaHeaders.RECEIVED_TOPIC),
                    header(record, KafkaHeaders.RECEIVED_PARTITION), header(record, KafkaHeaders.OFFSET),
                    receivedKey(record), e.getMessage());
            throw e;
        }
    }

    private static void warnOnKeyMismatch(Message<byte[]> record, HostSnapshotCollected snapshot) {
        String key = receivedKey(record);
        if (key != null && !key.equals(snapshot.hostId())) {
            log.warn("Record key {} differs from the host id {} of snapshot {}, so the report is keyed by the host id",
                    key, snapshot.hostId(), snapshot.eventId());
        }
    }

    private static @Nullable String receivedKey(Message<byte[]> record) {
        Object key = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return key == null ? null : key.toString();
    }

    private static @Nullable Object header(Message<byte[]> record, String name) {
        return record.getHeaders().get(name);
    }
}
