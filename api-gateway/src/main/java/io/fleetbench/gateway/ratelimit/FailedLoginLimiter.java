package io.fleetbench.gateway.ratelimit;

import io.fleetbench.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed HTTP Basic logins in a token bucket per client address and one per user name, sized by
 * {@code fleetbench.gateway.failed-logins}. Buckets exist only for addresses and names that failed recently, and
 * live in this JVM only, so each gateway instance limits on its own.
 *
 * <p>A blocked user name is blocked only from addresses with a recent failed login, whose buckets have not
 * refilled. An address without one still gets its logins checked, so a guesser that keeps a name blocked does not
 * lock the user out of clean addresses, and each new address of a distributed guesser gets one attempt per name.
 */
@Component
public class FailedLoginLimiter {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginLimiter.class);

    /** The maximum length of a user name in the log. Longer names are cut, because a client may send any name. */
    private static final int MAX_LOGGED_NAME_LENGTH = 64;

    /** The maximum length of a user-name bucket key; see {@link #userNameKey}. */
    private static final int MAX_USER_NAME_KEY_LENGTH = 256;

    private final GatewayProperties.FailedLogins limits;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> byUserName = new ConcurrentHashMap<>();

    @Autowired
    public FailedLoginLimiter(GatewayProperties properties) {
        this(properties.failedLogins(), System::nanoTime);
    }

    FailedLoginLimiter(GatewayProperties.FailedLogins limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /**
     * Checks whether a login from {@code address} as {@code userName} may run, without counting it. Returns the
     * block when the address has no failed login left, or when the user name has none and the address failed
     * recently. When both block, the longer wait wins.
     *
     * @param userName the name sent, or {@code null} when the credentials could not be decoded
     */
    public Optional<Block> check(String address, @Nullable String userName) {
        long now = nanoTime.getAsLong();
        TokenBucket addressBucket = byAddress.get(address);
        Duration addressWait = waitOf(addressBucket, now);
        boolean addressFailedRecently = addressBucket != null && !addressBucket.isFull(now);
        Duration userWait = userName == null || !addressFailedRecently ? Duration.ZERO
                : waitOf(byUserName.get(userNameKey(userName)), now);
        if (addressWait.isZero() && userWait.isZero()) {
            return Optional.empty();
        }
        boolean byName = userWait.compareTo(addressWait) > 0;
        Block block = new Block(byName ? Scope.USER_NAME : Scope.ADDRESS, byName ? userWait : addressWait);
        log.debug("Rejected a login from {} as user name {} before checking its password, because the {} has too "
                + "many failed logins. Retry after {}", address, loggable(userName), block.scope().description,
                block.retryAfter());
        return Optional.of(block);
    }

    /** Counts one failed login from {@code address} as {@code userName} ({@code null} when undecodable). */
    public void recordFailure(String address, @Nullable String userName) {
        long now = nanoTime.getAsLong();
        boolean addressBlocked = take(byAddress, address, limits.perAddress(), now);
        boolean userBlocked = userName != null && take(byUserName, userNameKey(userName), limits.perUserName(), now);

        if (addressBlocked) {
            log.info("Client address {} reached the limit of {} failed logins (last as user name {}). Rejecting its "
                    + "logins with 429 for {}", address, limits.perAddress(), loggable(userName),
                    limits.refillInterval());
        }
        if (userBlocked) {
            log.info("User name {} reached the limit of {} failed logins (last from {}). Rejecting its logins from "
                    + "addresses with recent failed logins with 429 for {}", loggable(userName), limits.perUserName(),
                    address, limits.refillInterval());
        }
        evictIfAboveLimit(byAddress, "client addresses", now);
        evictIfAboveLimit(byUserName, "user names", now);
    }

    /** Takes a token and returns whether that was the last one, so the caller logs a block once per run. */
    private boolean take(Map<String, TokenBucket> buckets, String key, int capacity, long now) {
        TokenBucket bucket = buckets.computeIfAbsent(key, unused -> new TokenBucket(capacity,
                1_000_000_000d / limits.refillInterval().toNanos(), now));
        TokenBucket.Take take = bucket.tryTake(now);
        return take.allowed() && !bucket.timeUntilToken(now).isZero();
    }

    /**
     * Returns the bucket key of a user name: in lower case, because user names match case-insensitively, and cut
     * after 256 characters, so that names of up to a header's size cannot fill the memory. Names that share their
     * first 256 characters share a bucket.
     */
    private static String userNameKey(String userName) {
        String key = userName.toLowerCase(Locale.ROOT);
        return key.length() <= MAX_USER_NAME_KEY_LENGTH ? key : key.substring(0, MAX_USER_NAME_KEY_LENGTH);
    }

    private static Duration waitOf(@Nullable TokenBucket bucket, long now) {
        return bucket == null ? Duration.ZERO : bucket.timeUntilToken(now);
    }

    /**
     * Drops buckets when more keys than {@code max-tracked-keys} have failed: first the ones that have refilled,
     * which changes no decision, then arbitrary ones down to nine tenths of the limit.
     *
     * <p>NOTE: a client that fails from more addresses or with more user names than the limit gets some of its
     * buckets dropped, and so more attempts than the limits allow.
     */
    private void evictIfAboveLimit(Map<String, TokenBucket> buckets, String kind, long now) {
        if (buckets.size() <= limits.maxTrackedKeys()) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        int target = limits.maxTrackedKeys() - limits.maxTrackedKeys() / 10;
        int dropped = 0;
        Iterator<TokenBucket> iterator = buckets.values().iterator();
        while (buckets.size() > target && iterator.hasNext()) {
            iterator.next();
            iterator.remove();
            dropped++;
        }
        if (dropped > 0) {
            log.warn("Failed logins came from more than {} {} recently. Dropped the counts of {} of them, which may "
                    + "now retry early. Raise fleetbench.gateway.failed-logins.max-tracked-keys if this repeats",
                    limits.maxTrackedKeys(), kind, dropped);
        }
    }

    /**
     * Returns a user name for a log line, quoted, with control characters replaced so that a client cannot forge log
     * lines, and cut after 64 characters.
     */
    public static String loggable(@Nullable String userName) {
        if (userName == null) {
            return "(undecodable)";
        }
        StringBuilder safe = new StringBuilder();
        userName.codePoints()
                .limit(MAX_LOGGED_NAME_LENGTH)
                .forEach(codePoint -> safe.appendCodePoint(Character.isISOControl(codePoint) ? '?' : codePoint));
        if (userName.codePointCount(0, userName.length()) > MAX_LOGGED_NAME_LENGTH) {
            safe.append('…');
        }
        return "'" + safe + "'";
    }

    /** The bucket that blocks a login. */
    public enum Scope {

        /** The client address has no failed login left. */
        ADDRESS("client address"),

        /** The user name has no failed login left, from any address. */
        USER_NAME("user name");

        private final String description;

        Scope(String description) {
            this.description = description;
        }

        /** Returns the scope in words, such as {@code client address}. */
        public String description() {
            return description;
        }
    }

    /**
     * A rejected login.
     *
     * @param scope the bucket that has no token left
     * @param retryAfter the time until that bucket has a token again
     */
    public record Block(Scope scope, Duration retryAfter) {
    }
}
