package io.fleetbench.gateway.security;

import io.fleetbench.gateway.ratelimit.FailedLoginLimiter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Logs rejected credentials at INFO at most once per interval, with the number of rejections left out since the
 * previous line, because a password-guessing client would otherwise write one line per attempt. The rejections in
 * between are logged at DEBUG. Each line names the client address and the user name that was sent, never the
 * password.
 */
final class RejectedCredentialsLog {

    private static final Logger log = LoggerFactory.getLogger(RejectedCredentialsLog.class);

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong nextReportNanos;
    private final AtomicLong notReported = new AtomicLong();

    RejectedCredentialsLog(Duration interval, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.nextReportNanos = new AtomicLong(nanoTime.getAsLong());
    }

    void record(ServerHttpRequest request) {
        String client = ClientAddress.of(request);
        String userName = FailedLoginLimiter.loggable(BasicCredentials.userNameOrNull(request));
        long now = nanoTime.getAsLong();
        long next = nextReportNanos.get();
        if (now - next >= 0 && nextReportNanos.compareAndSet(next, now + intervalNanos)) {
            log.info("Rejected invalid HTTP Basic credentials for {} {} from {} as user name {}. {} earlier "
                    + "rejections were not logged at INFO", request.getMethod(), request.getPath(), client, userName,
                    notReported.getAndSet(0));
        } else {
            notReported.incrementAndGet();
            log.debug("Rejected invalid HTTP Basic credentials for {} {} from {} as user name {}",
                    request.getMethod(), request.getPath(), client, userName);
        }
    }

}
