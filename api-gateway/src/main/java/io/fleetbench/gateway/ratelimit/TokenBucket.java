package io.fleetbench.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket that starts full, contains at most {@code capacity} tokens and gains {@code tokensPerSecond}
 * continuously. Times are {@link System#nanoTime()} readings passed in by the caller, so tests control the clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNanosecond;
    private double tokens;
    private long refilledAtNanos;
    private long rejectedInARow;

    TokenBucket(double capacity, double tokensPerSecond, long nowNanos) {
        if (capacity < 1 || tokensPerSecond <= 0) {
            throw new IllegalArgumentException("Token bucket needs a capacity of at least 1 and a positive rate, not "
                    + capacity + " and " + tokensPerSecond);
        }
        this.capacity = capacity;
        this.tokensPerNanosecond = tokensPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.refilledAtNanos = nowNanos;
    }

    /** Takes one token if one is available; otherwise computes how long until the next one. */
    synchronized Take tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            long rejectedBefore = rejectedInARow;
            rejectedInARow = 0;
            return new Take(true, Duration.ZERO, rejectedBefore);
        }
        rejectedInARow++;
        long nanosUntilToken = (long) Math.ceil((1 - tokens) / tokensPerNanosecond);
        return new Take(false, Duration.ofNanos(nanosUntilToken), rejectedInARow);
    }

    /** Returns how long until a token is available without taking one, or zero when one is available now. */
    synchronized Duration timeUntilToken(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNanosecond));
    }

    /** Returns whether the bucket has refilled to its capacity, so that dropping it changes no later decision. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAtNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNanosecond);
            refilledAtNanos = nowNanos;
        }
    }

    /**
     * The result of one attempt.
     *
     * @param allowed whether a token was taken
     * @param retryAfter for a rejection, the time until a token is available; zero when allowed
     * @param rejectedInARow for a rejection, how many attempts in a row this bucket has rejected, this one included.
     *     When allowed, how many were rejected just before it.
     */
    record Take(boolean allowed, Duration retryAfter, long rejectedInARow) {
    }
}
