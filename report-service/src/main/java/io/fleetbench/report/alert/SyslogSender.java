package io.fleetbench.report.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends alerts as RFC 5424 syslog messages with severity warning, over UDP (one datagram each) or TCP (one
 * connection per message, framed by octet counting as RFC 6587 describes). Socket I/O runs on the bounded-elastic
 * scheduler, never on an event loop.
 */
final class SyslogSender {

    /** Severity "warning" in RFC 5424's table. */
    private static final int SEVERITY_WARNING = 4;
    /**
     * SD-ID of the structured data. 32473 is the private enterprise number that RFC 5612 reserves for documentation.
     * NOTE: SIEM rules match on this id, so a registered enterprise number would have to replace it before release.
     */
    static final String SD_ID = "fleetbench@32473";
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final AlertSettings.Syslog settings;
    private final String hostname;

    SyslogSender(AlertSettings.Syslog settings, String hostname) {
        this.settings = settings;
        this.hostname = hostname;
    }

    Mono<Void> send(long alertId, String eventType, @Nullable String hostId, Instant createdAt, String payload) {
        byte[] message = format(alertId, eventType, hostId, createdAt, payload).getBytes(StandardCharsets.UTF_8);
        return Mono.fromRunnable(() -> write(message)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** Formats one RFC 5424 message: header, one structured-data element, and the JSON payload as the message. */
    String format(long alertId, String eventType, @Nullable String hostId, Instant createdAt, String payload) {
        int priority = settings.facility() * 8 + SEVERITY_WARNING;
        StringBuilder structuredData = new StringBuilder("[").append(SD_ID)
                .append(" alertId=\"").append(alertId).append('"')
                .append(" event=\"").append(escape(eventType)).append('"');
        if (hostId != null) {
            structuredData.append(" hostId=\"").append(escape(hostId)).append('"');
        }
        structuredData.append(']');
        return "<" + priority + ">1 " + TIMESTAMP.format(createdAt) + " " + hostname + " fleetbench - "
                + eventType + " " + structuredData + " " + payload;
    }

    private void write(byte[] message) {
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        try {
            if (settings.protocol() == AlertSettings.SyslogProtocol.UDP) {
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.send(new DatagramPacket(message, message.length, address));
                }
            } else {
                try (Socket socket = new Socket()) {
                    socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                    OutputStream out = socket.getOutputStream();
                    out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                    out.write(message);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Sending syslog message over " + settings.protocol() + " to "
                    + settings.host() + ":" + settings.port() + " failed: " + e.getMessage(), e);
        }
    }

    /** Escapes the characters that RFC 5424 reserves in a structured-data parameter value. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
    }
}
