package io.fleetbench.report.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Posts alert payloads to the configured webhook, signed with HMAC-SHA256 over the exact body bytes. Any response
 * other than 2xx, a connection error or a timeout fails the attempt.
 */
final class WebhookSender {

    /** Header with {@code sha256=} and the lower-case hex HMAC-SHA256 of the body. */
    static final String SIGNATURE_HEADER = "X-Fleetbench-Signature";
    /** Header with the alert's event type, such as {@code finding_opened}. */
    static final String EVENT_HEADER = "X-Fleetbench-Event";
    /** Header with the outbox id, the same on every retry of one alert, so receivers can drop duplicates. */
    static final String DELIVERY_HEADER = "X-Fleetbench-Delivery";

    private static final String ALGORITHM = "HmacSHA256";

    private final WebClient client;
    private final String url;
    private final SecretKeySpec key;
    private final Duration timeout;

    WebhookSender(WebClient.Builder builder, AlertSettings.Webhook settings) {
        this.client = builder.build();
        this.url = String.valueOf(settings.url());
        this.key = new SecretKeySpec(String.valueOf(settings.secret()).getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.timeout = settings.timeout();
    }

    Mono<Void> send(long alertId, String eventType, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return client.post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(SIGNATURE_HEADER, "sha256=" + sign(key, body))
                .header(EVENT_HEADER, eventType)
                .header(DELIVERY_HEADER, Long.toString(alertId))
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .timeout(timeout)
                .then();
    }

    /** Returns the lower-case hex HMAC-SHA256 of {@code body} under {@code key}. */
    static String sign(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
