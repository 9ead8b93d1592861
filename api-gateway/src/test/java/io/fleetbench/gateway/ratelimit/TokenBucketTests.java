package io.fleetbench.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTests {

    private static final long START = 1_000_000_000L;

    @Test
    void allowsBurstThenRejects() {
        TokenBucket bucket = new TokenBucket(3, 1, START);

        assertThat(bucket.tryTake(START).allowed()).isTrue();
        assertThat(bucket.tryTake(START).allowed()).isTrue();
        assertThat(bucket.tryTake(START).allowed()).isTrue();
        TokenBucket.Take rejected = bucket.tryTake(START);

        assertThat(rejected.allowed()).isFalse();
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rejected.rejectedInARow()).isEqualTo(1);
    }

    @Test
    void refillsAtConfiguredRate() {
        TokenBucket bucket = new TokenBucket(1, 4, START);
        bucket.tryTake(START);

        TokenBucket.Take tooEarly = bucket.tryTake(START + Duration.ofMillis(200).toNanos());
        TokenBucket.Take afterRefill = bucket.tryTake(START + Duration.ofMillis(250).toNanos());

        assertThat(tooEarly.allowed()).isFalse();
        assertThat(tooEarly.retryAfter()).isEqualTo(Duration.ofMillis(50));
        assertThat(afterRefill.allowed()).isTrue();
    }

    @Test
    void capsTokensAtCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, START);
        long muchLater = START + Duration.ofHours(1).toNanos();

        assertThat(bucket.tryTake(muchLater).allowed()).isTrue();
        assertThat(bucket.tryTake(muchLater).allowed()).isTrue();
        assertThat(bucket.tryTake(muchLater).allowed()).isFalse();
    }

    @Test
    void countsRejectionsUntilNextAllowed() {
        TokenBucket bucket = new TokenBucket(1, 1, START);
        bucket.tryTake(START);

        assertThat(bucket.tryTake(START).rejectedInARow()).isEqualTo(1);
        assertThat(bucket.tryTake(START).rejectedInARow()).isEqualTo(2);
        TokenBucket.Take allowed = bucket.tryTake(START + Duration.ofSeconds(1).toNanos());
        TokenBucket.Take next = bucket.tryTake(START + Duration.ofSeconds(1).toNanos());

        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.rejectedInARow()).isEqualTo(2);
        assertThat(next.rejectedInARow()).isEqualTo(1);
    }

    @Test
    void computesWaitForFractionalRate() {
        TokenBucket bucket = new TokenBucket(1, 0.1, START);
        bucket.tryTake(START);

        TokenBucket.Take rejected = bucket.tryTake(START + Duration.ofSeconds(4).toNanos());

        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, START))
                .withMessageContaining("capacity of at least 1");
    }
}
