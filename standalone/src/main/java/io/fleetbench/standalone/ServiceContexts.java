package io.fleetbench.standalone;

import io.fleetbench.collector.CollectorApplication;
import io.fleetbench.embedded.EmbeddedPostgresServer;
import io.fleetbench.gateway.ApiGatewayApplication;
import io.fleetbench.report.ReportServiceApplication;
import io.fleetbench.rules.stream.RuleEngineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts each service in its own Spring application context. The services share this JVM's classpath, so each
 * context excludes the auto-configurations that belong to the other services (the gateway's security in the
 * report service, the report service's database in the gateway, …), and each reads only its own
 * {@code <module>.yml} through {@code spring.config.name}.
 */
final class ServiceContexts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceContexts.class);

    private final StandaloneOptions options;
    private final String bootstrapServers;
    private final EmbeddedPostgresServer postgres;
    private final AdminCredentials credentials;
    private final DataDirectory dataDir;
    private final String gatewayToken;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private int reportServicePort;
    private int gatewayPort;

    ServiceContexts(StandaloneOptions options, String bootstrapServers, EmbeddedPostgresServer postgres,
            AdminCredentials credentials, DataDirectory dataDir) {
        this.options = options;
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.credentials = credentials;
        this.dataDir = dataDir;
        // 32 random bytes: the report service's port is printed in the log, so this token is all that keeps other
        // local users from calling its API directly under any user name.
        this.gatewayToken = SecretFile.readOrCreate(dataDir.gatewayTokenFile(), 32, "gateway token");
    }

    void startReportService() {
        reportServicePort = freePort();
        Map<String, Object> properties = kafkaProperties();
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", reportServicePort);
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(StandaloneFleet.DATABASE));
        properties.put("spring.r2dbc.username", EmbeddedPostgresServer.USER);
        properties.put("spring.flyway.url", postgres.jdbcUrl(StandaloneFleet.DATABASE));
        properties.put("spring.flyway.user", EmbeddedPostgresServer.USER);
        properties.put("fleetbench.report.gateway-token", gatewayToken);
        properties.put("spring.autoconfigure.exclude", String.join(",", ServiceExclusions.REPORT_SERVICE));
        launch(ReportServiceApplication.class, ReportServiceApplication.CONFIG_NAME, WebApplicationType.REACTIVE,
                properties);
    }

    void startRuleEngine() {
        Map<String, Object> properties = kafkaProperties();
        properties.put("spring.autoconfigure.exclude", String.join(",", ServiceExclusions.RULE_ENGINE));
        launch(RuleEngineApplication.class, RuleEngineApplication.CONFIG_NAME, WebApplicationType.NONE, properties);
    }

    void startGateway() {
        gatewayPort = options.gatewayPort() == 0 ? freePort() : options.gatewayPort();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", gatewayPort);
        properties.put("fleetbench.gateway.report-service-uri", "http://127.0.0.1:" + reportServicePort);
        properties.put("fleetbench.gateway.report-service-token", gatewayToken);
        properties.put("fleetbench.gateway.users[0].name", AdminCredentials.USER);
        properties.put("fleetbench.gateway.users[0].password-hash", credentials.bcryptHash());
        properties.put("fleetbench.gateway.users[0].roles[0]", "ADMIN");
        properties.put("spring.autoconfigure.exclude", String.join(",", ServiceExclusions.GATEWAY));
        launch(ApiGatewayApplication.class, ApiGatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, properties);
    }

    void startCollector() {
        Map<String, Object> properties = kafkaProperties();
        properties.put("fleetbench.collector.docker-host", options.dockerHost().toString());
        properties.put("fleetbench.collector.state-dir", dataDir.agentState().toString());
        properties.put("fleetbench.collector.resync-interval", options.interval().toString());
        properties.put("spring.autoconfigure.exclude", String.join(",", ServiceExclusions.COLLECTOR));
        launch(CollectorApplication.class, CollectorApplication.CONFIG_NAME, WebApplicationType.NONE, properties);
    }

    int gatewayPort() {
        return gatewayPort;
    }

    int reportServicePort() {
        return reportServicePort;
    }

    private Map<String, Object> kafkaProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.cloud.stream.kafka.binder.brokers", bootstrapServers);
        return properties;
    }

    private void launch(Class<?> application, String configName, WebApplicationType type, Map<String, Object> properties) {
        long started = System.nanoTime();
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("spring.config.name", configName);
        all.put("spring.application.name", configName);
        // Passed as command-line arguments, because those outrank the service's own <module>.yml, while
        // SpringApplicationBuilder.properties() would only set defaults beneath it.
        String[] arguments = all.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(type)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(arguments);
        contexts.add(context);
        log.info("Started {} in {} ms", configName, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(contexts);
        Collections.reverse(reversed);
        for (ConfigurableApplicationContext context : reversed) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("Failed to stop {}", context.getId(), e);
            }
        }
        contexts.clear();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free loopback port", e);
        }
    }
}
