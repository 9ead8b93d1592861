package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.store.ApplyOutcome;
import io.fleetbench.report.store.ReportStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Seeds a fleet through the store's ingest path ({@link ReportStore#apply}, the code the Kafka consumer runs, without
 * the broker) and measures the ingest rate, the latency of the fleet summary and of findings searches through HTTP,
 * and the database size. The tables are vacuumed and analyzed before the queries run. Excluded from the default
 * build, and run without BlockHound; run it with
 * {@code ./mvnw -B -o -pl report-service test -Dreport.excluded-groups=none -Dgroups=benchmark
 * -Dtest=FleetBenchmarkIntegrationTests -Dbenchmark.hosts=10000}. The figures go to the test log and to
 * {@code target/fleet-benchmark.txt}.
 */
@Tag("benchmark")
class FleetBenchmarkIntegrationTests extends IntegrationTestSupport {

    private static final int HOSTS = Integer.getInteger("benchmark.hosts", 10_000);
    private static final int CONTAINERS = 62;
    private static final int CONTAINER_CHECKS = 24;
    private static final int DAEMON_CHECKS = 12;
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 4);
    /** Requests per query: at 1,000 the 99th percentile is the tenth slowest, not the second as at 200. */
    private static final int LATENCY_SAMPLES = Integer.getInteger("benchmark.latency-samples", 1_000);
    /** Hosts that send a second report, in which about one result in a hundred changes status. */
    private static final int REREPORTED_HOSTS = Integer.getInteger("benchmark.rereported-hosts", 1_000);

    private static final Logger log = LoggerFactory.getLogger(FleetBenchmarkIntegrationTests.class);

    @Autowired
    private ReportStore store;

    @Autowired
    private DSLContext dsl;

    @Test
    void seedFleetAndMeasureQueries() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int findingsPerHost = CONTAINERS * CONTAINER_CHECKS + DAEMON_CHECKS;

        long started = System.nanoTime();
        long applied = Flux.range(0, HOSTS)
                // Building a report draws random UUIDs, which may block, so it runs off the event loops.
                .flatMap(index -> Mono.fromCallable(() -> report(run, index, 1))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(store::apply), CONCURRENCY)
                .filter(ApplyOutcome::applied)
                .count()
                .block(Duration.ofHours(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(applied).isEqualTo(HOSTS);
        double resultsPerSecond = (double) HOSTS * findingsPerHost / seconds;

        int rereported = Math.min(REREPORTED_HOSTS, HOSTS);
        long rereportStarted = System.nanoTime();
        long reapplied = Flux.range(0, rereported)
                .flatMap(index -> Mono.fromCallable(() -> report(run, index, 2))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(store::apply), CONCURRENCY)
                .filter(ApplyOutcome::applied)
                .count()
                .block(Duration.ofHours(1));
        double rereportSeconds = (System.nanoTime() - rereportStarted) / 1e9;
        assertThat(reapplied).isEqualTo(rereported);

        // Autovacuum would analyze the tables a minute or more after such a load, and the query plans before that
        // are built on statistics of nearly empty tables. Running it here measures the queries on a settled fleet.
        long vacuumStarted = System.nanoTime();
        Mono.from(dsl.query("VACUUM (ANALYZE) hosts, current_findings, finding_transitions, host_check_counts,"
                + " host_scores, fleet_check_counts, label_check_counts")).block(Duration.ofHours(1));
        double vacuumSeconds = (System.nanoTime() - vacuumStarted) / 1e9;

        List<String> lines = new ArrayList<>();
        lines.add(String.format("hosts %d, results per host %d, results %d", HOSTS, findingsPerHost,
                (long) HOSTS * findingsPerHost));
        lines.add(String.format("ingest: %.1f s, %.0f results/s, %.1f reports/s (concurrency %d)", seconds,
                resultsPerSecond, HOSTS / seconds, CONCURRENCY));
        lines.add(String.format("second reports of %d hosts, about 1 %% of results changed: %.1f s, %.0f results/s,"
                + " %.1f reports/s", rereported, rereportSeconds, (double) rereported * findingsPerHost / rereportSeconds,
                rereported / rereportSeconds));
        lines.add(String.format("VACUUM (ANALYZE) of the report tables after seeding: %.1f s", vacuumSeconds));
        lines.add(latency("fleet summary (first 100 hosts)", "/api/v1/fleet/summary"));
        lines.add(latency("fleet summary, label env=prod", "/api/v1/fleet/summary?label=env=prod"));
        lines.add(latency("findings search, WARN of 5.7, first page of 100",
                "/api/v1/findings?status=WARN&check=5.7&limit=100"));
        lines.add(latency("findings search, label env=prod, newest change first, 100",
                "/api/v1/findings?label=env=prod&sort=-lastChanged&limit=100"));
        lines.add(latency("check findings of 5.7, first page of 100", "/api/v1/checks/5.7/findings?limit=100"));
        lines.add(String.format("database size: %d MiB", databaseBytes() / (1024 * 1024)));
        lines.forEach(log::info);
        try {
            Files.write(Path.of("target", "fleet-benchmark.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write target/fleet-benchmark.txt", e);
        }
    }

    /** Sends {@code LATENCY_SAMPLES} sequential requests after five warm-up requests and returns percentiles. */
    private String latency(String name, String uri) {
        for (int i = 0; i < 5; i++) {
            webClient.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult();
        }
        long[] nanos = new long[LATENCY_SAMPLES];
        int bytes = 0;
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            long start = System.nanoTime();
            byte[] body = webClient.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult()
                    .getResponseBodyContent();
            nanos[i] = System.nanoTime() - start;
            bytes = body == null ? 0 : body.length;
        }
        Arrays.sort(nanos);
        return String.format("%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests), %d KiB", name,
                percentile(nanos, 0.50), percentile(nanos, 0.90), percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, nanos.length, bytes / 1024);
    }

    /** Returns the {@code fraction} percentile of sorted {@code nanos} in milliseconds, by the nearest-rank method. */
    private static double percentile(long[] nanos, double fraction) {
        return nanos[Math.max(0, (int) Math.ceil(nanos.length * fraction) - 1)] / 1e6;
    }

    private long databaseBytes() {
        Long size = Mono.from(dsl.select(DSL.field("pg_database_size(current_database())", Long.class)))
                .map(row -> row.value1())
                .block(Duration.ofSeconds(30));
        return size == null ? 0 : size;
    }

    /**
     * Builds report {@code sequence} of host {@code index}: 12 daemon checks and 24 container checks on 62
     * containers. About a fifth of the results warn, chosen by a hash of host, check and container so that hosts
     * differ.
     */
    private static HostFindingsEvaluated report(String run, int index, long sequence) {
        String hostId = "bench-" + run + "-" + index;
        Instant collectedAt = Instant.now();
        List<Finding> findings = new ArrayList<>(CONTAINERS * CONTAINER_CHECKS + DAEMON_CHECKS);
        for (int check = 1; check <= DAEMON_CHECKS; check++) {
            String checkId = "2." + check;
            findings.add(new Finding(checkId, "Daemon recommendation " + checkId, "Docker daemon configuration", true,
                    TargetKind.DAEMON, TargetKind.DAEMON.key("daemon"), null, status(index, check, 0, sequence),
                    "Observed value of setting " + check, null));
        }
        for (int check = 1; check <= CONTAINER_CHECKS; check++) {
            String checkId = "5." + check;
            for (int container = 0; container < CONTAINERS; container++) {
                String name = "app-" + container;
                Status status = status(index, check, container + 1, sequence);
                findings.add(new Finding(checkId, "Container recommendation " + checkId, "Container Runtime", true,
                        TargetKind.CONTAINER, TargetKind.CONTAINER.key(name), "id-" + index + "-" + container, status,
                        "Observed " + status + " for " + checkId + " on " + name,
                        status == Status.WARN ? "Change the container's settings" : null));
            }
        }
        String env = switch (index % 3) {
            case 0 -> "prod";
            case 1 -> "staging";
            default -> "dev";
        };
        return new HostFindingsEvaluated(HostFindingsEvaluated.SCHEMA_VERSION, UUID.randomUUID().toString(),
                collectedAt, new HostDescriptor(hostId, "Host " + index, Map.of("env", env, "rack", "r" + index % 40),
                        "0.1.0"),
                sequence, UUID.randomUUID().toString(), collectedAt, "20.10.24", "cis-docker", "1.6.0", findings);
    }

    /** Returns a status from a hash of host, check and target. Later reports flip about one result in a hundred. */
    private static Status status(int host, int check, int target, long sequence) {
        int hash = Math.floorMod((host * 31 + check) * 31 + target, 100);
        if (sequence > 1 && Math.floorMod((host * 17 + check) * 13 + target * 7 + sequence, 100) == 0) {
            return hash < 20 ? Status.PASS : Status.WARN;
        }
        if (hash < 20) {
            return Status.WARN;
        }
        return hash < 90 ? Status.PASS : Status.INFO;
    }
}
