package io.fleetbench.collector.events;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the engine's event stream ({@code GET /events}) on its own thread and hands each relevant event to a
 * handler. When the stream breaks or the engine restarts, it reconnects after a bounded exponential backoff and then
 * requests a full snapshot, because events may have been missed while it was away.
 */
public class EngineEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineEventListener.class);

    static final Duration MIN_BACKOFF = Duration.ofMillis(250);

    /** The trigger of the snapshot collected after the stream reconnected. */
    public static final String RECONNECT_TRIGGER = "reconnect";

    private final DockerClient client;
    private final URI dockerHost;
    private final Consumer<ObservedEngineEvent> handler;
    private final Consumer<String> collectionRequests;
    private final Duration maxBackoff;
    private @Nullable Thread thread;
    private volatile @Nullable StreamCallback stream;
    private volatile boolean stopping;

    /**
     * @param client a client without a response timeout ({@link EventStreamClients})
     * @param handler receives each relevant event, on the listener's thread
     * @param collectionRequests receives {@link #RECONNECT_TRIGGER} after each reconnection
     * @param maxBackoff the longest wait between two connection attempts
     */
    public EngineEventListener(DockerClient client, URI dockerHost, Consumer<ObservedEngineEvent> handler,
            Consumer<String> collectionRequests, Duration maxBackoff) {
        this.client = client;
        this.dockerHost = dockerHost;
        this.handler = handler;
        this.collectionRequests = collectionRequests;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        Thread follower = new Thread(this::follow, "engine-events");
        follower.setDaemon(true);
        thread = follower;
        follower.start();
    }

    @Override
    public synchronized void stop() {
        Thread follower = thread;
        if (follower == null) {
            return;
        }
        stopping = true;
        closeStream();
        follower.interrupt();
        try {
            follower.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        log.info("Stopped following events of engine {}", dockerHost);
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    private void follow() {
        Duration backoff = MIN_BACKOFF;
        boolean connectedBefore = false;
        int failures = 0;
        while (!stopping) {
            try {
                client.pingCmd().exec();
                StreamCallback callback = new StreamCallback();
                stream = callback;
                // NOTE: events from while the stream was down are not requested again (no "since"), so their
                // runtime events are lost; the reconnect snapshot still shows the resulting state.
                client.eventsCmd().withEventTypeFilter(EngineEventClassifier.TYPE_FILTERS).exec(callback);
                if (connectedBefore) {
                    log.info("Following events of engine {} again after {} failed attempt(s); collecting a full"
                            + " snapshot for what was missed", dockerHost, failures);
                    collectionRequests.accept(RECONNECT_TRIGGER);
                } else {
                    log.info("Following events of engine {}", dockerHost);
                }
                connectedBefore = true;
                failures = 0;
                backoff = MIN_BACKOFF;
                callback.awaitCompletion();
                if (stopping) {
                    return;
                }
                Throwable error = callback.error;
                log.warn("Event stream of engine {} ended{}; reconnecting", dockerHost,
                        error == null ? "" : " (" + error + ")");
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                failures++;
                log.warn("Failed to follow events of engine {} ({} attempt(s) in a row); retrying in {}: {}",
                        dockerHost, failures, backoff, e.toString());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        }
    }

    private void closeStream() {
        StreamCallback callback = stream;
        if (callback != null) {
            try {
                callback.close();
            } catch (IOException e) {
                log.debug("Failed to close the event stream of engine {}", dockerHost, e);
            }
        }
    }

    /** Receives the stream; records a break instead of logging it with a stack trace as docker-java's default does. */
    private final class StreamCallback extends ResultCallback.Adapter<Event> {

        volatile @Nullable Throwable error;

        @Override
        public void onNext(Event event) {
            EngineEventClassifier.classify(event).ifPresent(observed -> {
                try {
                    handler.accept(observed);
                } catch (RuntimeException e) {
                    log.error("Failed to handle engine event {} {} {}", observed.kind(), observed.action(),
                            observed.targetName(), e);
                }
            });
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            try {
                close();
            } catch (IOException e) {
                log.debug("Failed to close the event stream of engine {}", dockerHost, e);
            }
        }
    }
}
