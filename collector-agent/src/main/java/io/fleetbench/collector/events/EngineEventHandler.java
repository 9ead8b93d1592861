package io.fleetbench.collector.events;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one relevant engine event into a runtime event (published and kept in the recent window) and a request for
 * a new snapshot whose trigger names the event. The runtime event enters the window first, so the snapshot it
 * triggers already carries it.
 */
public final class EngineEventHandler implements Consumer<ObservedEngineEvent> {

    private static final Logger log = LoggerFactory.getLogger(EngineEventHandler.class);

    private final RuntimeEventFactory factory;
    private final RecentEventWindow window;
    private final Supplier<HostDescriptor> host;
    private final Consumer<RuntimeEventObserved> publisher;
    private final Consumer<String> collectionRequests;
    private final Predicate<ObservedEngineEvent> ignored;

    /**
     * @param host the engine's current identity
     * @param publisher spools each runtime event for its topic
     * @param collectionRequests receives the trigger of each requested snapshot
     */
    public EngineEventHandler(RuntimeEventFactory factory, RecentEventWindow window, Supplier<HostDescriptor> host,
            Consumer<RuntimeEventObserved> publisher, Consumer<String> collectionRequests) {
        this(factory, window, host, publisher, collectionRequests, event -> false);
    }

    /**
     * @param ignored events to drop without a runtime event or a snapshot, such as the execs of health checks
     */
    public EngineEventHandler(RuntimeEventFactory factory, RecentEventWindow window, Supplier<HostDescriptor> host,
            Consumer<RuntimeEventObserved> publisher, Consumer<String> collectionRequests,
            Predicate<ObservedEngineEvent> ignored) {
        this.factory = factory;
        this.window = window;
        this.host = host;
        this.publisher = publisher;
        this.collectionRequests = collectionRequests;
        this.ignored = ignored;
    }

    @Override
    public void accept(ObservedEngineEvent event) {
        if (ignored.test(event)) {
            log.trace("Ignored engine event {} {} {}", event.kind(), event.action(), event.targetName());
            return;
        }
        try {
            RuntimeEventObserved runtimeEvent = factory.create(event, host.get());
            window.add(runtimeEvent);
            publisher.accept(runtimeEvent);
            log.debug("Engine event {} {} {} (runtime event {})", event.kind(), event.action(), event.targetName(),
                    runtimeEvent.eventId());
        } catch (RuntimeException e) {
            log.error("Failed to record engine event {} {} {} as a runtime event; the snapshot is still collected",
                    event.kind(), event.action(), event.targetName(), e);
        }
        collectionRequests.accept(event.trigger());
    }
}
