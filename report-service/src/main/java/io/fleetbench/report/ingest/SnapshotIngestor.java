package io.fleetbench.report.ingest;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.FactsStore;
import io.fleetbench.report.store.FactsStore.FactsOutcome;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decodes one host snapshot record and stores its facts before the binder commits its offset. Errors reach the
 * binder as in {@link FindingsIngestor}: an invalid record is dead-lettered at once, other failures are retried.
 */
@Component
class SnapshotIngestor {

    private static final Logger log = LoggerFactory.getLogger(SnapshotIngestor.class);

    private final FactsStore store;
    private final Duration ingestTimeout;

    SnapshotIngestor(FactsStore store, ReportProperties properties) {
        this.store = store;
        this.ingestTimeout = properties.ingestTimeout();
    }

    void ingest(byte[] payload) {
        HostSnapshotCollected snapshot = EventCodec.decodeSnapshot(payload);
        FactsOutcome outcome = await(snapshot);

        if (outcome.conflictingEngineId() != null) {
            log.warn("Host id {} is claimed by two engines: snapshot {} at sequence {} comes from engine {} with data"
                    + " root {}, and the stored facts from engine {}. Give each agent its own host id",
                    snapshot.hostId(), snapshot.eventId(), snapshot.sequence(), snapshot.engine().engineId(),
                    snapshot.engine().dockerRootDir(), outcome.conflictingEngineId());
        }
        if (outcome.applied()) {
            log.debug("Stored snapshot {} of host {} at sequence {}: {} containers, {} expired snapshots deleted",
                    snapshot.eventId(), snapshot.hostId(), snapshot.sequence(), outcome.containers(),
                    outcome.expiredSnapshots());
        } else {
            log.debug("Skipped snapshot {} of host {}: sequence {} is not newer than the stored sequence {}",
                    snapshot.eventId(), snapshot.hostId(), snapshot.sequence(), outcome.previousSequence());
        }
    }

    /** Waits on the binder's Kafka consumer thread, never an event loop, for the same reason as FindingsIngestor. */
    private FactsOutcome await(HostSnapshotCollected snapshot) {
        try {
            FactsOutcome outcome = store.apply(snapshot).toFuture().get(ingestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                throw new IllegalStateException("Storing snapshot " + snapshot.eventId() + " of host "
                        + snapshot.hostId() + " completed without an outcome");
            }
            return outcome;
        } catch (TimeoutException e) {
            throw new IllegalStateException("Storing snapshot " + snapshot.eventId() + " of host " + snapshot.hostId()
                    + " timed out after " + ingestTimeout + ". The binder retries it. Check the database, or raise"
                    + " fleetbench.report.ingest-timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing snapshot " + snapshot.eventId() + " of host "
                    + snapshot.hostId(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Storing snapshot " + snapshot.eventId() + " of host "
                    + snapshot.hostId() + " failed", e.getCause());
        }
    }
}
