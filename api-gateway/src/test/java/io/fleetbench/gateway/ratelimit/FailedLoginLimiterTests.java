package io.fleetbench.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.gateway.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FailedLoginLimiterTests {

    private static final Duration REFILL = Duration.ofSeconds(6);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private FailedLoginLimiter limiter(int perAddress, int perUserName, int maxTrackedKeys) {
        return new FailedLoginLimiter(
                new GatewayProperties.FailedLogins(perAddress, perUserName, REFILL, maxTrackedKeys), now::get);
    }

    @Test
    void blocksAddressAfterLimit() {
        FailedLoginLimiter limiter = limiter(2, 10, 100);

        limiter.recordFailure("10.0.0.1", "alice");
        assertThat(limiter.check("10.0.0.1", "bob")).isEmpty();
        limiter.recordFailure("10.0.0.1", "bob");

        FailedLoginLimiter.Block block = limiter.check("10.0.0.1", "carol").orElseThrow();
        assertThat(block.scope()).isEqualTo(FailedLoginLimiter.Scope.ADDRESS);
        assertThat(block.retryAfter()).isEqualTo(REFILL);
        assertThat(limiter.check("10.0.0.2", "carol")).isEmpty();
    }

    @Test
    void blocksUserNameFromFailingAddresses() {
        FailedLoginLimiter limiter = limiter(10, 2, 100);

        limiter.recordFailure("10.0.0.1", "alice");
        limiter.recordFailure("10.0.0.2", "ALICE");
        limiter.recordFailure("10.0.0.3", "bob");

        assertThat(limiter.check("10.0.0.3", "Alice")).get()
                .extracting(FailedLoginLimiter.Block::scope)
                .isEqualTo(FailedLoginLimiter.Scope.USER_NAME);
        assertThat(limiter.check("10.0.0.1", "alice")).isPresent();
        assertThat(limiter.check("10.0.0.3", "bob")).isEmpty();
        assertThat(limiter.check("10.0.0.3", null)).isEmpty();
    }

    @Test
    void userBlockSparesCleanAddress() {
        FailedLoginLimiter limiter = limiter(10, 1, 100);
        limiter.recordFailure("10.0.0.1", "alice");

        assertThat(limiter.check("10.0.0.1", "alice")).isPresent();
        assertThat(limiter.check("10.0.0.9", "alice")).isEmpty();
    }

    @Test
    void longUserNamesShareBucketByPrefix() {
        FailedLoginLimiter limiter = limiter(10, 1, 100);
        String prefix = "n".repeat(256);

        limiter.recordFailure("10.0.0.1", prefix + "-first");

        assertThat(limiter.check("10.0.0.1", prefix + "-second")).isPresent();
        assertThat(limiter.check("10.0.0.1", prefix.substring(1))).isEmpty();
    }

    @Test
    void userBlockEndsAfterRefill() {
        FailedLoginLimiter limiter = limiter(10, 1, 100);
        limiter.recordFailure("10.0.0.1", "alice");

        now.addAndGet(REFILL.minusMillis(1).toNanos());
        // The bucket counts fractional tokens in a double, so times are exact only to a few nanoseconds.
        assertThat(limiter.check("10.0.0.1", "alice").orElseThrow().retryAfter())
                .isBetween(Duration.ofMillis(1), Duration.ofMillis(1).plusNanos(10));
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(limiter.check("10.0.0.1", "alice")).isEmpty();
    }

    @Test
    void longerWaitDecidesScope() {
        FailedLoginLimiter limiter = limiter(1, 1, 100);
        limiter.recordFailure("10.0.0.1", "alice");
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        limiter.recordFailure("10.0.0.2", "bob");

        FailedLoginLimiter.Block newerAddress = limiter.check("10.0.0.2", "alice").orElseThrow();
        FailedLoginLimiter.Block newerUserName = limiter.check("10.0.0.1", "bob").orElseThrow();

        assertThat(newerAddress.scope()).isEqualTo(FailedLoginLimiter.Scope.ADDRESS);
        assertThat(newerAddress.retryAfter()).isEqualTo(REFILL);
        assertThat(newerUserName.scope()).isEqualTo(FailedLoginLimiter.Scope.USER_NAME);
        assertThat(newerUserName.retryAfter()).isEqualTo(REFILL);
    }

    @Test
    void evictsBucketsAboveLimit() {
        FailedLoginLimiter limiter = limiter(1, 1, 10);

        for (int index = 0; index < 11; index++) {
            limiter.recordFailure("10.0.0." + index, "user-" + index);
        }

        long blockedAddresses = IntStream.range(0, 11)
                .filter(index -> limiter.check("10.0.0." + index, null).isPresent())
                .count();
        assertThat(blockedAddresses).isEqualTo(9);
    }

    @Test
    void refilledBucketsAreEvictedFirst() {
        FailedLoginLimiter limiter = limiter(1, 100, 2);
        limiter.recordFailure("10.0.0.1", null);
        limiter.recordFailure("10.0.0.2", null);
        now.addAndGet(REFILL.toNanos());

        limiter.recordFailure("10.0.0.3", null);

        assertThat(limiter.check("10.0.0.3", null)).isPresent();
    }

    @Test
    void loggableNameHidesControlCharacters() {
        assertThat(FailedLoginLimiter.loggable("eve\r\nINFO forged")).isEqualTo("'eve??INFO forged'");
        assertThat(FailedLoginLimiter.loggable("x".repeat(70))).isEqualTo("'" + "x".repeat(64) + "…'");
        assertThat(FailedLoginLimiter.loggable(null)).isEqualTo("(undecodable)");
    }
}
