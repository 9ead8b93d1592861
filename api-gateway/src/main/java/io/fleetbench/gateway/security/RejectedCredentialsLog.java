package io.fleetbench.gateway.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Logs rejected credentials at INFO at most once per interval, with the number of rejections left out since the
 * previous line, because a password-guessing client would otherwise write one line per attempt. The rejections in
 * between are logged at DEBUG. No line contains the user name or password that was sent.
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
        String client = clientAddress(request);
        long now = nanoTime.getAsLong();
        long next = nextReportNanos.get();
        if (now - next >= 0 && nextReportNanos.compareAndSet(next, now + intervalNanos)) {
            log.info("Rejected invalid HTTP Basic credentials for {} {} from {}; {} earlier rejections were not "
                    + "logged at INFO", request.getMethod(), request.getPath(), client, notReported.getAndSet(0));
        } else {
            notReported.incrementAndGet();
            log.debug("Rejected invalid HTTP Basic credentials for {} {} from {}", request.getMethod(),
                    request.getPath(), client);
        }
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "an unknown address";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
