package io.fleetbench.collector.spool;

import java.util.Objects;

/**
 * One record waiting in the spool: its Kafka topic, key and already encoded value.
 *
 * @param index the record's position in the spool, increasing by one per appended record across restarts
 * @param topic the Kafka topic the record goes to
 * @param key the Kafka key, the host id
 * @param value the encoded event, already free of secret values
 */
public record SpooledRecord(long index, String topic, String key, byte[] value) {

    public SpooledRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** Returns a summary without the value, safe to log. */
    @Override
    public String toString() {
        return "SpooledRecord[index=" + index + ", topic=" + topic + ", key=" + key + ", bytes=" + value.length + "]";
    }
}
