package io.fleetbench.rules.core.check.secret;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.core.DockerClientConfig;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckResult;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the check on image histories captured from a real engine (see {@code engine-api/capture-image-history.sh} in
 * this module's test resources), turned into image facts by the agent's own assembler and redaction.
 */
class NoSecretsInImageHistoryTests {

    /** Secret values planted in the captured history, which no finding may contain. */
    static final List<String> PLANTED_SECRETS = List.of(
            "history-build-token-41c9e2",
            "history-npm-token-d07b3a",
            "history-db-password-7f2a61",
            "history-api-key-0e8c55",
            "history-label-password-b3d914",
            "AKIAQHISTORYFIXTURE7");

    private static final String FIXTURES = "/engine-api/1.41/image-history/";

    private static final ObjectMapper DOCKER_MAPPER = DockerClientConfig.getDefaultObjectMapper();

    private static final SnapshotAssembler ASSEMBLER = new SnapshotAssembler();

    static Stream<Arguments> cases() {
        return Stream.of(
                row("clean history passes",
                        snapshot().images(capturedImage("clean")).build(),
                        expect("image:local/fleetbench-history-clean:1", PASS,
                                "no step of the build history sets a secret-looking variable (8 steps checked)")),
                row("imported base image passes",
                        snapshot().images(capturedImage("busybox")).build(),
                        expect("image:local/busybox:1", PASS, "(1 steps checked)")),
                row("secret-setting history warns",
                        snapshot().images(capturedImage("secrets")).build(),
                        expect("image:local/fleetbench-history-secrets:1", WARN,
                                "step 2 LABEL registry.password (name contains PASSWORD)")),
                row("absent history is info",
                        snapshot().images(imageWithoutHistory("secrets")).build(),
                        expect("image:local/fleetbench-history-secrets:1", INFO,
                                "the snapshot has no build history for this image")),
                row("several images are each judged",
                        snapshot().images(capturedImage("secrets"), capturedImage("clean"),
                                imageWithoutHistory("busybox")).build(),
                        expect("image:local/fleetbench-history-secrets:1", WARN, "step 6 build argument BUILD_TOKEN"),
                        expect("image:local/fleetbench-history-clean:1", PASS, "(8 steps checked)"),
                        expect("image:local/busybox:1", INFO, "docker history --no-trunc")),
                row("host without images is info",
                        snapshot().images().build(),
                        expect("host", INFO, "the host has no images")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesCapturedHistories(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoSecretsInImageHistory(), snapshot, expected);
    }

    @Test
    void warningNamesEveryOffendingStep() {
        CheckResult result = evaluateOne(capturedImage("secrets"));

        assertThat(result.reason()).isEqualTo("the build history sets secret-looking variables (steps counted from 0,"
                + " newest first, as docker history lists them):"
                + " step 2 LABEL registry.password (name contains PASSWORD),"
                + " step 3 ENV UPSTREAM_KEY_ID (value looks like a secret),"
                + " step 4 ENV API_KEY (name contains API_KEY),"
                + " step 5 ENV DB_PASSWORD (name contains PASSWORD),"
                + " step 6 build argument BUILD_TOKEN (name contains TOKEN),"
                + " step 6 build argument NPM_TOKEN (name contains TOKEN),"
                + " step 7 ARG NPM_TOKEN (name contains TOKEN)");
    }

    @Test
    void warningContainsNoPlantedSecret() {
        CheckResult result = evaluateOne(capturedImage("secrets"));

        for (String secret : PLANTED_SECRETS) {
            assertThat(result.reason()).as("reason without planted secret %s", secret).doesNotContain(secret);
        }
    }

    private static CheckResult evaluateOne(ImageFacts image) {
        List<CheckResult> results = new NoSecretsInImageHistory()
                .evaluate(new CheckContext(snapshot().images(image).build()));
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static ImageFacts capturedImage(String name) {
        List<ImageHistory> history = read(FIXTURES + name + "-history.json", new TypeReference<>() {
        });
        return ASSEMBLER.imageFacts(read(FIXTURES + name + ".json", new TypeReference<InspectImageResponse>() {
        }), history);
    }

    private static ImageFacts imageWithoutHistory(String name) {
        return ASSEMBLER.imageFacts(read(FIXTURES + name + ".json", new TypeReference<InspectImageResponse>() {
        }));
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream input = NoSecretsInImageHistoryTests.class.getResourceAsStream(resource)) {
            assertThat(input).as("fixture %s on the class path", resource).isNotNull();
            return DOCKER_MAPPER.readValue(input, type);
        } catch (IOException e) {
            throw new IllegalStateException("Failed to read fixture " + resource, e);
        }
    }
}
