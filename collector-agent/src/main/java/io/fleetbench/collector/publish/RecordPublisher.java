package io.fleetbench.collector.publish;

import io.fleetbench.collector.spool.DiskSpool;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.RuntimeEventObserved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes snapshots and runtime events as {@link EventCodec} JSON and appends them to the disk spool, keyed by
 * host id. {@link SpoolDrainer} sends them to Kafka in order. Going through the spool every time, not only while
 * Kafka is away, keeps one order for all records and lets a record survive an agent restart.
 */
public class RecordPublisher {

    private static final Logger log = LoggerFactory.getLogger(RecordPublisher.class);

    private final DiskSpool spool;
    private final String snapshotTopic;
    private final String runtimeEventTopic;

    /**
     * @param snapshotTopic the topic that receives snapshots
     * @param runtimeEventTopic the topic that receives runtime events
     */
    public RecordPublisher(DiskSpool spool, String snapshotTopic, String runtimeEventTopic) {
        this.spool = spool;
        this.snapshotTopic = snapshotTopic;
        this.runtimeEventTopic = runtimeEventTopic;
    }

    /** Spools one snapshot and returns {@code true}, or returns {@code false} where it is too large or dropped. */
    public boolean publish(HostSnapshotCollected snapshot) {
        byte[] value = EventCodec.encode(snapshot);
        if (value.length > EventCodec.MAX_RECORD_BYTES) {
            log.error("Snapshot {} of host {} (event {}) has {} bytes, more than the maximum of {} that consumers"
                            + " accept; it is not published. Remove unused images and containers from the engine",
                    snapshot.sequence(), snapshot.hostId(), snapshot.eventId(), value.length,
                    EventCodec.MAX_RECORD_BYTES);
            return false;
        }
        boolean spooled = spool.append(snapshotTopic, snapshot.hostId(), value);
        if (spooled) {
            log.debug("Spooled snapshot {} of host {} (event {}, {} bytes, trigger {})", snapshot.sequence(),
                    snapshot.hostId(), snapshot.eventId(), value.length, snapshot.trigger());
        }
        return spooled;
    }

    /** Spools one runtime event and returns {@code true}, or returns {@code false} where the spool dropped it. */
    public boolean publish(RuntimeEventObserved event) {
        byte[] value = EventCodec.encode(event);
        boolean spooled = spool.append(runtimeEventTopic, event.hostId(), value);
        if (spooled) {
            log.debug("Spooled runtime event {} of host {} ({} {} {})", event.eventId(), event.hostId(),
                    event.targetKind(), event.action(), event.targetName());
        }
        return spooled;
    }
}
