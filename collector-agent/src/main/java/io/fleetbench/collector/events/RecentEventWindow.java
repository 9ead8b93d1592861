package io.fleetbench.collector.events;

import io.fleetbench.model.event.RuntimeEventObserved;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The runtime events of the last {@code maxAge}, at most {@code maxCount} of them, that travel inside every
 * snapshot. It lives in memory only, so a restarted agent starts with an empty window; the events themselves are
 * on their own topic.
 */
public final class RecentEventWindow {

    private final int maxCount;
    private final Duration maxAge;
    private final Clock clock;
    private final Deque<RuntimeEventObserved> events = new ArrayDeque<>();

    public RecentEventWindow(int maxCount, Duration maxAge, Clock clock) {
        if (maxCount < 0) {
            throw new IllegalArgumentException("Recent event count " + maxCount + " is invalid: give 0 or more");
        }
        this.maxCount = maxCount;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Creates an empty window that keeps no events. */
    public static RecentEventWindow disabled() {
        return new RecentEventWindow(0, Duration.ZERO, Clock.systemUTC());
    }

    /** Adds an event, dropping the oldest where the window is full. */
    public synchronized void add(RuntimeEventObserved event) {
        if (maxCount == 0) {
            return;
        }
        events.addLast(event);
        while (events.size() > maxCount) {
            events.removeFirst();
        }
    }

    /** Returns the events not older than the maximum age, oldest first. */
    public synchronized List<RuntimeEventObserved> current() {
        Instant oldest = clock.instant().minus(maxAge);
        while (!events.isEmpty() && events.peekFirst().occurredAt().isBefore(oldest)) {
            events.removeFirst();
        }
        return List.copyOf(events);
    }
}
