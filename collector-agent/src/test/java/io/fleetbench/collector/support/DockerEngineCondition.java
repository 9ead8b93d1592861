package io.fleetbench.collector.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables tests, with the reason shown in the report, when no Docker engine responds to {@code GET /_ping} on
 * {@link #SOCKET}. CI always has an engine; start one locally with {@code scripts/test-engine.sh start}.
 */
public class DockerEngineCondition implements ExecutionCondition {

    /** The engine socket the tests use. */
    public static final Path SOCKET = Path.of("/var/run/docker.sock");

    private static @Nullable Boolean available;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (engineResponds()) {
            return ConditionEvaluationResult.enabled("Docker engine responds on " + SOCKET);
        }
        return ConditionEvaluationResult.disabled("No Docker engine responds on " + SOCKET
                + ": start one with scripts/test-engine.sh start");
    }

    /** Returns whether the engine responded to a ping. The first result is kept for the rest of the test run. */
    public static synchronized boolean engineResponds() {
        if (available == null) {
            available = ping();
        }
        return available;
    }

    private static boolean ping() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(SOCKET));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer response = ByteBuffer.allocate(64);
            channel.read(response);
            String statusLine = new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
            return statusLine.startsWith("HTTP/1.0 200") || statusLine.startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
