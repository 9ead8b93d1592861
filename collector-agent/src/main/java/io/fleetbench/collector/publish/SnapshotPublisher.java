package io.fleetbench.collector.publish;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends snapshots to Kafka as {@link EventCodec} JSON, keyed by host id, and waits for the broker's acknowledgement.
 * A failed or unacknowledged send is logged and returned as {@code false} instead of thrown, so the agent stays
 * alive and the next collection tries again with a fresh snapshot.
 */
public class SnapshotPublisher {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Duration timeout;

    /**
     * @param kafka a template with a String key serializer and a byte-array value serializer
     * @param topic the topic that receives snapshots
     * @param timeout the maximum wait for the acknowledgement
     */
    public SnapshotPublisher(KafkaTemplate<String, byte[]> kafka, String topic, Duration timeout) {
        this.kafka = kafka;
        this.topic = topic;
        this.timeout = timeout;
    }

    /** Sends one snapshot and returns {@code true} once the broker has acknowledged it. */
    public boolean publish(HostSnapshotCollected snapshot) {
        byte[] value = EventCodec.encode(snapshot);
        if (value.length > EventCodec.MAX_RECORD_BYTES) {
            log.error("Snapshot {} of host {} (event {}) has {} bytes, more than the maximum of {} that consumers"
                            + " accept; it is not published. Remove unused images and containers from the engine",
                    snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), value.length,
                    EventCodec.MAX_RECORD_BYTES);
            return false;
        }
        // TODO: spool unacknowledged snapshots to disk and resend them in order, so a Kafka outage loses none.
        try {
            SendResult<String, byte[]> result = kafka.send(topic, snapshot.hostId(), value)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            RecordMetadata metadata = result.getRecordMetadata();
            log.info("Published snapshot {} of host {} (event {}, {} bytes, trigger {}) to {}-{} at offset {}",
                    snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), value.length, snapshot.trigger(),
                    metadata.topic(), metadata.partition(), metadata.offset());
            return true;
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            log.warn("Failed to send snapshot {} of host {} (event {}) to {}; the next collection retries",
                    snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), topic, e);
            return false;
        } catch (ExecutionException e) {
            log.warn("Failed to publish snapshot {} of host {} (event {}) to {}; the next collection retries",
                    snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), topic, e.getCause());
            return false;
        } catch (TimeoutException e) {
            log.warn("Kafka did not acknowledge snapshot {} of host {} (event {}) on {} within {}; the next collection"
                    + " retries", snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), topic, timeout);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while publishing snapshot {} of host {} (event {})", snapshot.sequence(),
                    snapshot.hostId(), snapshot.eventId());
            return false;
        }
    }
}
