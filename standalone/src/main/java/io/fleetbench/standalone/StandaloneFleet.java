package io.fleetbench.standalone;

import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.embedded.EmbeddedPostgresServer;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.report.DockerBenchText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every Fleetbench service in one JVM. An embedded Kafka broker and PostgreSQL server start first, then the report
 * service, the rule engine, the API gateway and a collector agent. Each service runs in its own Spring application
 * context with its own configuration, and they reach each other through loopback as separate deployments would.
 */
public final class StandaloneFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StandaloneFleet.class);

    /** The database the standalone fleet creates on its embedded server. */
    static final String DATABASE = "fleetbench";

    private final StandaloneOptions options;
    private final TerminalOutput terminal;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private EmbeddedKafkaBroker kafka;
    private ReportWatcher reports;
    private ServiceContexts services;
    private AdminCredentials credentials;
    private String engineDescription;

    private StandaloneFleet(StandaloneOptions options, TerminalOutput terminal) {
        this.options = options;
        this.terminal = terminal;
    }

    /**
     * Starts the fleet and returns once every service runs and the agent has been started.
     *
     * @throws EngineUnavailableException when the Docker engine does not respond; nothing has been started then
     * @throws DataDirectoryInUseException when another fleet uses the data folder; nothing has been started then
     * @throws PortInUseException when the gateway's fixed port cannot be bound; nothing has been started then
     */
    static StandaloneFleet start(StandaloneOptions options, TerminalOutput terminal) {
        StandaloneFleet fleet = new StandaloneFleet(options, terminal);
        try {
            fleet.startAll();
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        terminal.line("Fleetbench " + FleetbenchVersion.current());
        LoopbackPortCheck.requireBindable(options.gatewayPort(), "--port");
        engineDescription = EngineProbe.describe(options.dockerHost());
        terminal.line("Docker engine: " + engineDescription);

        DataDirectory dataDir = DataDirectory.open(options.dataDir());
        resources.add(DataDirectoryLock.acquire(dataDir.root()));
        terminal.line("Data folder: " + dataDir.root() + " (log: " + dataDir.logFile() + ")");

        kafka = EmbeddedKafkaBroker.start(dataDir.kafka(), false, 0);
        resources.add(kafka);
        terminal.line("Kafka broker (embedded, KRaft): " + kafka.bootstrapServers());
        FleetTopics.create(kafka.bootstrapServers());

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.postgres(), false, 0);
        resources.add(postgres);
        postgres.createDatabase(DATABASE);
        terminal.line("PostgreSQL (embedded): 127.0.0.1:" + postgres.port() + "/" + DATABASE);

        reports = ReportWatcher.startAtEnd(kafka.bootstrapServers());
        resources.add(reports);

        credentials = AdminCredentials.loadOrCreate(dataDir.root());
        services = new ServiceContexts(options, kafka.bootstrapServers(), postgres, credentials, dataDir);
        services.startReportService();
        services.startRuleEngine();
        services.startGateway();
        terminal.line("Services: report-service, rule-engine, api-gateway started");
        services.startCollector();
        terminal.line("Collector agent started on " + options.dockerHost() + "; waiting for the first audit report ...");
        log.info("Standalone fleet started in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Waits for the first audit report of this run and prints it in docker-bench form.
     *
     * @return false when no report arrived within {@code timeout}
     */
    boolean printFirstReport(Duration timeout) {
        Optional<HostFindingsEvaluated> report = awaitFirstReport(timeout);
        report.ifPresent(value -> {
            terminal.line("");
            terminal.text(new DockerBenchText(terminal.colour()).render(value));
        });
        return report.isPresent();
    }

    /** Waits for the first audit report produced after the fleet started. */
    public Optional<HostFindingsEvaluated> awaitFirstReport(Duration timeout) {
        return reports.awaitFirst(timeout);
    }

    /** Prints where the dashboard and the API listen and how to sign in. */
    void printAccess() {
        terminal.line("");
        terminal.line("Dashboard: " + gatewayUrl() + "/");
        terminal.line("API: " + gatewayUrl() + "/api/v1/fleet/summary");
        terminal.line("Sign in as '" + AdminCredentials.USER + "' with the password in " + credentials.file()
                + ", for example: curl -u " + AdminCredentials.USER + ":\"$(cat " + credentials.file() + ")\" "
                + gatewayUrl() + "/api/v1/hosts");
        terminal.line("Press Ctrl+C to stop.");
    }

    /** Returns the gateway's base URL, such as {@code http://127.0.0.1:8080}. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + services.gatewayPort();
    }

    /** Returns the report service's loopback URL, whose API serves only requests with the gateway token. */
    String reportServiceUrl() {
        return "http://127.0.0.1:" + services.reportServicePort();
    }

    /** Returns the password of the admin user. */
    public String adminPassword() {
        return credentials.password();
    }

    @Override
    public synchronized void close() {
        if (services != null) {
            services.close();
            services = null;
        }
        List<AutoCloseable> reversed = new ArrayList<>(resources);
        Collections.reverse(reversed);
        for (AutoCloseable resource : reversed) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Failed to stop {}", resource.getClass().getSimpleName(), e);
            }
        }
        resources.clear();
    }
}
