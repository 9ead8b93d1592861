package io.fleetbench.report.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert settings under {@code fleetbench.report.alerts}. A channel without its address is off, and alerts are
 * written to the outbox only for the channels that are on.
 *
 * @param pollInterval time between two scans of the outbox for alerts that are due
 * @param batchSize maximum alerts claimed by one scan
 * @param maxAttempts delivery attempts per alert, the first one included, before it is marked failed
 * @param initialBackoff wait before the second attempt. Each further wait doubles, up to {@code maxBackoff}
 * @param maxBackoff longest wait between two attempts
 * @param webhook the HTTP receiver
 * @param syslog the syslog receiver
 */
public record AlertSettings(
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(1000) @DefaultValue("50") int batchSize,
        @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration initialBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration maxBackoff,
        @Valid @DefaultValue Webhook webhook,
        @Valid @DefaultValue Syslog syslog) {

    /**
     * The webhook receiver.
     *
     * @param url address that receives a JSON POST per alert, or {@code null} to send none
     * @param secret key of the HMAC-SHA256 signature in {@code X-Fleetbench-Signature}. Required with a url
     * @param timeout maximum time for one delivery attempt, from connect to response status
     */
    public record Webhook(
            @Nullable URI url,
            @Nullable String secret,
            @NotNull @DurationMin(millis = 10) @DefaultValue("10s") Duration timeout) {

        public Webhook {
            if (url != null && (secret == null || secret.isEmpty())) {
                throw new IllegalArgumentException("fleetbench.report.alerts.webhook.secret is missing although"
                        + " fleetbench.report.alerts.webhook.url is set to " + url + ". Set a secret that the"
                        + " receiver shares, so it can verify the signature");
            }
        }

        /** Returns whether alerts go to a webhook. */
        public boolean enabled() {
            return url != null;
        }

        /** Hides the secret, which {@code toString} would otherwise print in a failed binding's message. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=" + (secret == null ? "none" : "****") + ", timeout=" + timeout
                    + "]";
        }
    }

    /**
     * The syslog receiver, which gets each alert as one RFC 5424 message.
     *
     * @param host name or address of the receiver, or {@code null} to send none
     * @param port port of the receiver
     * @param protocol {@code UDP}, one message per datagram, or {@code TCP}, with RFC 6587 octet-counting framing
     * @param facility syslog facility code, 16 being local0
     */
    public record Syslog(
            @Nullable String host,
            @Min(1) @Max(65535) @DefaultValue("514") int port,
            @NotNull @DefaultValue("UDP") SyslogProtocol protocol,
            @Min(0) @Max(23) @DefaultValue("16") int facility) {

        /** Returns whether alerts go to syslog. */
        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    /** Transport of syslog messages. */
    public enum SyslogProtocol {
        UDP,
        TCP
    }
}
