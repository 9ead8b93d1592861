package io.fleetbench.standalone;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** Checks that the Docker engine to audit answers before anything else starts. */
final class EngineProbe {

    private EngineProbe() {
    }

    /**
     * Returns a one-line description of the engine at {@code dockerHost}.
     *
     * @throws EngineUnavailableException when the engine does not answer within a few seconds
     */
    static String describe(URI dockerHost) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.toString())
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
        try (DockerClient client = DockerClientImpl.getInstance(config, http)) {
            Info info = client.infoCmd().exec();
            return "Docker " + info.getServerVersion() + " at " + dockerHost + ", " + info.getContainers() + " containers ("
                    + info.getContainersRunning() + " running), " + info.getImages() + " images";
        } catch (IOException | RuntimeException e) {
            throw new EngineUnavailableException("Docker engine at " + dockerHost + " is not reachable ("
                    + rootMessage(e) + "): start Docker, or pass --docker-host with the engine's socket", e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.strip();
    }
}
