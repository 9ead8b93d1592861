package io.fleetbench.rules.core;

import static io.fleetbench.rules.core.TestSnapshots.bind;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.image;
import static io.fleetbench.rules.core.TestSnapshots.network;
import static io.fleetbench.rules.core.TestSnapshots.secretVariable;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.PortBindingFacts;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one rule-engine thread evaluating a whole catalogue on a snapshot of 50 containers (a mix of
 * hardened, privileged, socket-mounting, port-publishing and stopped ones), 10 images and 4 networks. Each
 * operation is one full report, as the stream function produces it per Kafka record. Run with
 * {@code ./mvnw -B -o -pl rule-engine -Pjmh verify -DskipTests}; docs/benchmarks.md records the results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RuleEvaluationBenchmark {

    @Param({"1.8.0"})
    public String benchmarkVersion;

    private AuditEvaluator evaluator;
    private HostSnapshotCollected snapshot;

    @Setup
    public void setUp() {
        evaluator = BundledRules.evaluator(benchmarkVersion, Clock.systemUTC());
        List<TestSnapshots.ContainerBuilder> containers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestSnapshots.ContainerBuilder container = container("app-" + i)
                    .image("registry.example.com/team/app-" + (i % 10) + ":1." + i, "sha256:image-" + (i % 10));
            switch (i % 5) {
                case 1 -> container.privileged().capAdd("NET_ADMIN");
                case 2 -> container.mounts(bind("/var/run/docker.sock", "/var/run/docker.sock", false),
                        bind("/srv/data-" + i, "/data", true));
                case 3 -> container.ports(new PortBindingFacts("80/tcp", "0.0.0.0", "80"),
                        new PortBindingFacts("443/tcp", "10.0.0.5", "8443"))
                        .env(secretVariable("DB_PASSWORD", "name contains PASSWORD"));
                case 4 -> container.stopped("exited").securityOpt("no-new-privileges=false", "seccomp=unconfined");
                default -> { }
            }
            containers.add(container);
        }
        List<io.fleetbench.model.snapshot.ImageFacts> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            images.add(image("registry.example.com/team/app-" + i + ":1." + i, "sha256:image-" + i));
        }
        snapshot = snapshot()
                .containers(containers.toArray(TestSnapshots.ContainerBuilder[]::new))
                .images(images.toArray(io.fleetbench.model.snapshot.ImageFacts[]::new))
                .networks(network("bridge", "bridge", Map.of("com.docker.network.bridge.enable_icc", "false")),
                        network("host", "host", Map.of()), network("none", "null", Map.of()),
                        network("fleetbench", "bridge", Map.of()))
                .daemonJson("icc", false)
                .daemonJson("log-level", "info")
                .build();
    }

    @Benchmark
    public HostFindingsEvaluated evaluateFiftyContainerSnapshot() {
        return evaluator.evaluate(snapshot);
    }
}
