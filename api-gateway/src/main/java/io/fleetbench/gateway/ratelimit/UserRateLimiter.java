package io.fleetbench.gateway.ratelimit;

import io.fleetbench.gateway.GatewayProperties;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps one token bucket per user name, sized by {@code fleetbench.gateway.rate-limit}. The buckets live in this
 * JVM only, so each gateway instance limits on its own. Only names that passed authentication reach this class, so
 * the number of buckets is bounded by the configured users.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);

    private final GatewayProperties.RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public UserRateLimiter(GatewayProperties properties) {
        this(properties.rateLimit(), System::nanoTime);
    }

    UserRateLimiter(GatewayProperties.RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request from the user's bucket. The first rejection of a run and the first request allowed after
     * it are logged, so a client that keeps retrying adds two log lines, not one per request.
     */
    TokenBucket.Take tryAcquire(String userName) {
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(userName,
                name -> new TokenBucket(limit.burst(), limit.requestsPerSecond(), now));
        TokenBucket.Take take = bucket.tryTake(now);

        if (!take.allowed() && take.rejectedInARow() == 1) {
            log.info("User {} exceeded the rate limit of {} requests per second (burst {}); rejecting with 429 "
                    + "until tokens refill", userName, requestsPerSecondText(), limit.burst());
        } else if (take.allowed() && take.rejectedInARow() > 0) {
            log.info("User {} is within the rate limit again after {} rejected requests", userName,
                    take.rejectedInARow());
        }
        return take;
    }

    /** Returns the sustained rate as configured, without a trailing {@code .0}, for messages. */
    String requestsPerSecondText() {
        return BigDecimal.valueOf(limit.requestsPerSecond()).stripTrailingZeros().toPlainString();
    }

    int burst() {
        return limit.burst();
    }
}
