package io.fleetbench.collector.events;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Creates the docker-java client that follows the event stream. It differs from the collection client in one way:
 * it sets no response timeout, because the engine sends nothing on the stream while nothing happens, and a
 * response timeout would cut an idle stream.
 */
public final class EventStreamClients {

    private EventStreamClients() {
    }

    /**
     * Creates a client for the engine at {@code dockerHost}, with docker-java's usual TLS sources for
     * {@code tcp://} addresses.
     *
     * @param connectTimeout the maximum wait to connect
     */
    public static DockerClient create(URI dockerHost, Duration connectTimeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.toString())
                .build();
        ApacheDockerHttpClient httpClient = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                // The stream uses one connection, and exec inspections use a second one.
                .maxConnections(2)
                .connectionTimeout(connectTimeout)
                .build();
        return DockerClientImpl.getInstance(config, httpClient);
    }
}
