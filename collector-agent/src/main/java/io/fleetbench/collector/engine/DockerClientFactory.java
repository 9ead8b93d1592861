package io.fleetbench.collector.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URI;
import java.time.Duration;

/** Creates docker-java clients on the Apache HttpClient 5 transport. */
public final class DockerClientFactory {

    /** The maximum number of connections of one client, because the agent sends one request at a time. */
    private static final int MAX_CONNECTIONS = 4;

    private DockerClientFactory() {
    }

    /**
     * Creates a client for the engine at {@code dockerHost}. TLS settings for a {@code tcp://} address come from
     * docker-java's usual sources, such as the {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} environment
     * variables. The API version is not pinned, so the engine's own version is used.
     *
     * @param timeout the maximum wait to connect and for each response
     */
    public static DockerClient create(URI dockerHost, Duration timeout) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.toString())
                .build();
        DockerHttpClient httpClient = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .build();
        return DockerClientImpl.getInstance(config, httpClient);
    }
}
