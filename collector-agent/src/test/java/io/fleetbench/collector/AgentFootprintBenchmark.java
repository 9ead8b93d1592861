package io.fleetbench.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged agent as its own process on a private engine for a while, idle after its startup snapshot,
 * and samples its resident memory ({@code VmRSS}) and CPU time from {@code /proc}. Surefire does not run it by
 * default because its name does not end in {@code Tests}. Build the jar first, then run
 * {@code ./mvnw -pl collector-agent test -Dtest=AgentFootprintBenchmark
 * -Dbenchmark.agentJar=collector-agent/target/collector-agent-0.1.0-SNAPSHOT-exec.jar -Dbenchmark.minutes=10}.
 */
@Tag("benchmark")
@EnabledIfPrivateEngines
class AgentFootprintBenchmark {

    /** JVM flags of the measured agent; the container image caps the heap by percentage instead. */
    static final List<String> JVM_FLAGS = List.of("-Xmx64m", "-XX:+UseSerialGC");

    @Test
    void idleAgentFootprint() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("benchmark.agentJar", "target/collector-agent-0.1.0-SNAPSHOT-exec.jar"))
                .toAbsolutePath();
        long minutes = Long.getLong("benchmark.minutes", 10);
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        Files.createDirectories(Path.of("target"));
        Path stateDir = Files.createTempDirectory(Path.of("target"), "footprint-state-").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafkaBroker.shared().bootstrapServers(),
                "--fleetbench.collector.docker-host=" + engine.dockerHost(),
                "--fleetbench.collector.daemon-config-file=" + engine.daemonJson(),
                "--fleetbench.collector.state-dir=" + stateDir));
        Process agent = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(stateDir.resolveSibling(stateDir.getFileName() + ".log").toFile())
                .start();
        long pid = agent.pid();
        long ticksPerSecond = 100;
        List<Long> rssKib = new ArrayList<>();
        try {
            // The first minute is start-up; the idle window starts after it.
            await().pollDelay(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(90)).until(() -> true);
            long cpuStart = cpuTicks(pid);
            long start = System.nanoTime();
            await().atMost(Duration.ofMinutes(minutes + 1)).pollInterval(Duration.ofSeconds(10)).until(() -> {
                rssKib.add(rssKib(pid));
                return !agent.isAlive() || System.nanoTime() - start >= Duration.ofMinutes(minutes).toNanos();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuPercent = 100.0 * (cpuTicks(pid) - cpuStart) / ticksPerSecond / seconds;
            long maxRss = rssKib.stream().mapToLong(Long::longValue).max().orElse(0);
            long lastRss = rssKib.get(rssKib.size() - 1);
            System.out.printf("BENCHMARK idle agent over %.0f s, flags %s: RSS max %d MiB, last %d MiB;"
                    + " CPU %.2f %% of one core%n", seconds, JVM_FLAGS, maxRss / 1024, lastRss / 1024, cpuPercent);
            assertThat(agent.isAlive()).isTrue();
        } finally {
            agent.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("No VmRSS line in /proc/" + pid + "/status");
    }

    /** Returns user plus system CPU time in clock ticks, fields 14 and 15 of {@code /proc/<pid>/stat}. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
