package io.fleetbench.gateway.ratelimit;

import java.time.Duration;

/** Converts the wait until a token is available into the value of a {@code Retry-After} header. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** Rounds {@code wait} up to whole seconds, the header's unit, so that a retry at that time finds a token. */
    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds();
        if (wait.toNanosPart() != 0) {
            seconds++;
        }
        return Math.max(1, seconds);
    }
}
