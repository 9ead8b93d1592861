package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.Topics;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.report.query.ContainerMatch;
import io.fleetbench.report.query.HostDiff;
import io.fleetbench.report.query.HostDiff.FieldChange;
import io.fleetbench.report.query.HostIdentity;
import io.fleetbench.report.query.HostSnapshotView;
import io.fleetbench.report.query.TransitionView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes snapshots captured from a real engine to the host-snapshots topic and checks the stored facts, the
 * incident-response queries, the snapshot at a past time and the diff between two times through the HTTP API.
 */
class HostFactsIntegrationTests extends IntegrationTestSupport {

    private static final Instant FIRST_COLLECTION = Instant.parse("2026-03-01T08:00:00Z");

    @Autowired
    private BindingServiceProperties bindings;

    @Test
    void snapshotBindingHasOwnGroup() {
        BindingProperties binding = bindings.getBindingProperties("ingestSnapshots-in-0");
        assertThat(binding.getDestination()).isEqualTo(Topics.HOST_SNAPSHOTS);
        assertThat(binding.getGroup()).isEqualTo("report-service-facts");
    }

    @Test
    void mountQueriesFollowResolvedSources() {
        String incident = UUID.randomUUID().toString();
        String hostId = newHostId("linked");
        HostSnapshotCollected snapshot = SnapshotFixtures.mixed(hostId, Map.of("incident", incident), 1,
                FIRST_COLLECTION, EngineFixtures.HARDENED_DAEMON_JSON);
        List<ContainerFacts> containers = new ArrayList<>();
        for (ContainerFacts container : snapshot.containers()) {
            if (container.name().equals("hardened")) {
                ObjectNode tree = EventCodec.mapper().valueToTree(container);
                tree.set("mounts", EventCodec.mapper().valueToTree(List.of(
                        new MountFacts("bind", "/srv/cfg", "/cfg", false, "rprivate", "/etc"),
                        new MountFacts("bind", "/srv/engine.sock", "/engine.sock", false, "rprivate",
                                "/run/docker.sock"))));
                container = EventCodec.mapper().treeToValue(tree, ContainerFacts.class);
            }
            containers.add(container);
        }
        publishSnapshot(SnapshotFixtures.withContainers(snapshot, containers));
        awaitSnapshot(hostId, 1);
        String scope = "label=incident=" + incident;

        assertThat(containerNames(scope + "&mountSource=/etc")).contains("hardened");
        assertThat(containerNames(scope + "&mountSource=/srv/cfg")).containsExactly("hardened");
        assertThat(containerNames(scope + "&mountSourcePrefix=/run")).contains("hardened");
        assertThat(containerNames(scope + "&mountSource=/srv")).isEmpty();
    }

    @Test
    void incidentQueriesFindRiskyContainers() {
        String incident = UUID.randomUUID().toString();
        String hostId = newHostId("incident");
        publishSnapshot(SnapshotFixtures.mixed(hostId, Map.of("incident", incident), 1, FIRST_COLLECTION,
                EngineFixtures.HARDENED_DAEMON_JSON));
        awaitSnapshot(hostId, 1);
        String scope = "label=incident=" + incident;

        assertThat(containerNames(scope + "&privileged=true")).containsExactly("privileged");
        assertThat(containerNames(scope + "&hostNamespace=network")).containsExactly("host-net");
        assertThat(containerNames(scope + "&hostNamespace=pid,network")).containsExactly("host-net", "host-pid");
        assertThat(containerNames(scope + "&mountSource=/var/run/docker.sock")).containsExactly("socket", "socket-ro");
        assertThat(containerNames(scope + "&mountSourcePrefix=/var/run")).containsExactly("socket", "socket-ro");
        assertThat(containerNames(scope + "&mountSourcePrefix=/etc")).containsExactly("etc-mount");
        assertThat(containerNames(scope + "&mountSource=/")).isEmpty();
        assertThat(containerNames(scope + "&capability=sys_admin")).containsExactly("caps");
        assertThat(containerNames(scope + "&capability=CAP_NET_ADMIN")).containsExactly("caps");
        assertThat(containerNames(scope + "&image=local/busybox-user")).containsExactly("published");
        assertThat(containerNames(scope + "&publishedPort=8080")).containsExactly("published");
        assertThat(containerNames(scope + "&bindAddress=0.0.0.0")).containsExactly("published");
        assertThat(containerNames(scope + "&bindAddress=127.0.0.1&publishedPort=8080")).isEmpty();
        assertThat(containerNames(scope + "&secretEnv=true")).contains("secret-env").doesNotContain("hardened");

        List<ContainerMatch> secrets = containers(scope + "&envName=DB_PASSWORD");
        assertThat(secrets).singleElement().satisfies(match -> {
            assertThat(match.containerName()).isEqualTo("secret-env");
            assertThat(match.secretEnvNames()).contains("DB_PASSWORD").doesNotContain("PLAIN");
            assertThat(match.snapshotAt()).isEqualTo(FIRST_COLLECTION);
            assertThat(match.hostStale()).isTrue();
        });

        String body = new String(webClient.get().uri("/api/v1/containers?" + scope)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        for (String secret : EngineFixtures.PLANTED_SECRETS) {
            assertThat(body).as("response of the containers query").doesNotContain(secret);
        }
    }

    @Test
    void containersQueryPagesWithCursor() {
        String incident = UUID.randomUUID().toString();
        String hostId = newHostId("paging");
        publishSnapshot(SnapshotFixtures.mixed(hostId, Map.of("incident", incident), 1, FIRST_COLLECTION,
                EngineFixtures.HARDENED_DAEMON_JSON));
        awaitSnapshot(hostId, 1);

        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<ContainerMatch> page = containerPage("label=incident=" + incident + "&limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.items().forEach(match -> names.add(match.containerName()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(14).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void olderSnapshotNeverRollsBack() {
        String hostId = newHostId("rollback");
        HostSnapshotCollected second = SnapshotFixtures.mixed(hostId, Map.of(), 2, FIRST_COLLECTION.plusSeconds(60),
                EngineFixtures.HARDENED_DAEMON_JSON);
        publishSnapshot(second);
        awaitSnapshot(hostId, 2);

        // The same engine sends an older sequence with one container only, then a newer one of another engine.
        HostSnapshotCollected older = SnapshotFixtures.withContainers(
                SnapshotFixtures.mixed(hostId, Map.of(), 1, FIRST_COLLECTION, EngineFixtures.HARDENED_DAEMON_JSON),
                List.of(SnapshotFixtures.container(second, "hardened")));
        publishSnapshot(older);
        publishSnapshot(SnapshotFixtures.fromEngine(SnapshotFixtures.mixed(hostId, Map.of(), 3,
                FIRST_COLLECTION.plusSeconds(120), EngineFixtures.HARDENED_DAEMON_JSON), "CLONED:ENGINE:ID"));
        HostIdentity identity = awaitSnapshot(hostId, 3);

        assertThat(identity.engineId()).isEqualTo("CLONED:ENGINE:ID");
        assertThat(identity.conflict()).isNotNull();
        assertThat(identity.conflict().engineId()).isEqualTo(second.engine().engineId());
        HostSnapshotView atSecond = snapshotAt(hostId, FIRST_COLLECTION.plusSeconds(90));
        assertThat(atSecond.snapshotSequence()).isEqualTo(2);
        assertThat(atSecond.containers()).hasSize(14);
        webClient.get().uri("/api/v1/hosts/{hostId}/snapshot?at={at}", hostId, FIRST_COLLECTION.plusSeconds(30))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("at")
                .jsonPath("$.hostId").isEqualTo(hostId);
    }

    @Test
    void retentionDeletesOldSnapshotFacts() {
        String hostId = newHostId("retention");
        publishSnapshot(SnapshotFixtures.mixed(hostId, Map.of(), 1, FIRST_COLLECTION,
                EngineFixtures.HARDENED_DAEMON_JSON));
        awaitSnapshot(hostId, 1);
        assertThat(snapshotAt(hostId, FIRST_COLLECTION).snapshotSequence()).isEqualTo(1);

        // The default retention is 7 days, measured back from the newest snapshot.
        Instant eightDaysLater = FIRST_COLLECTION.plus(Duration.ofDays(8));
        publishSnapshot(SnapshotFixtures.mixed(hostId, Map.of(), 2, eightDaysLater,
                EngineFixtures.HARDENED_DAEMON_JSON));
        awaitSnapshot(hostId, 2);

        webClient.get().uri("/api/v1/hosts/{hostId}/snapshot?at={at}", hostId, FIRST_COLLECTION)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("oldest stored snapshot is from " + eightDaysLater));
        assertThat(snapshotAt(hostId, eightDaysLater).snapshotSequence()).isEqualTo(2);
    }

    @Test
    void diffComparesTwoRealSnapshots() {
        String hostId = newHostId("diff");
        HostSnapshotCollected first = SnapshotFixtures.mixed(hostId, Map.of(), 1, FIRST_COLLECTION,
                EngineFixtures.HARDENED_DAEMON_JSON);
        // The second snapshot drops "stopped", makes "hardened" privileged and uses the misconfigured daemon.json.
        HostSnapshotCollected misconfigured = SnapshotFixtures.mixed(hostId, Map.of(), 2,
                FIRST_COLLECTION.plusSeconds(300), EngineFixtures.MISCONFIGURED_DAEMON_JSON);
        List<ContainerFacts> containers = new ArrayList<>();
        for (ContainerFacts container : misconfigured.containers()) {
            if (container.name().equals("hardened")) {
                containers.add(SnapshotFixtures.withField(container, "privileged", true));
            } else if (!container.name().equals("stopped")) {
                containers.add(container);
            }
        }
        // The first snapshot lacks "published", so the second adds it.
        HostSnapshotCollected firstWithoutPublished = SnapshotFixtures.withContainers(first,
                first.containers().stream().filter(container -> !container.name().equals("published")).toList());
        publishSnapshot(firstWithoutPublished);
        publishSnapshot(SnapshotFixtures.withContainers(misconfigured, containers));
        publish(report(hostId, 1, containerFinding("5.5", "hardened", Status.PASS),
                containerFinding("5.5", "stopped", Status.PASS)));
        publish(report(hostId, 2, containerFinding("5.5", "hardened", Status.WARN),
                containerFinding("5.5", "published", Status.PASS)));
        awaitAppliedSequence(hostId, 2);
        awaitSnapshot(hostId, 2);

        HostDiff diff = webClient.get()
                .uri("/api/v1/hosts/{hostId}/diff?from={from}&to={to}", hostId, FIRST_COLLECTION,
                        FIRST_COLLECTION.plusSeconds(300))
                .exchange()
                .expectStatus().isOk()
                .expectBody(HostDiff.class)
                .returnResult()
                .getResponseBody();

        assertThat(diff).isNotNull();
        assertThat(diff.from().snapshotSequence()).isEqualTo(1);
        assertThat(diff.to().snapshotSequence()).isEqualTo(2);
        assertThat(diff.containersAdded()).extracting(ContainerFacts::name).containsExactly("published");
        assertThat(diff.containersRemoved()).extracting(ContainerFacts::name).containsExactly("stopped");
        assertThat(diff.containersChanged()).singleElement().satisfies(change -> {
            assertThat(change.name()).isEqualTo("hardened");
            assertThat(change.changes()).extracting(FieldChange::field).containsExactly("privileged");
            assertThat(change.changes().get(0).before().asBoolean()).isFalse();
            assertThat(change.changes().get(0).after().asBoolean()).isTrue();
        });
        assertThat(diff.daemonChanges()).isNotEmpty();
        assertThat(diff.findingsOpened()).extracting(TransitionView::targetKey).containsExactly("container:published");
        assertThat(diff.findingsResolved()).extracting(TransitionView::targetKey).containsExactly("container:stopped");
        assertThat(diff.findingsChanged()).singleElement().satisfies(transition -> {
            assertThat(transition.targetKey()).isEqualTo("container:hardened");
            assertThat(transition.toStatus()).isEqualTo(Status.WARN);
        });
    }

    @Test
    void invalidSnapshotGoesToOwnDeadLetterTopic() {
        String hostId = newHostId("bad-snapshot");
        byte[] notJson = ("not a snapshot " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        publishRaw(Topics.HOST_SNAPSHOTS, hostId, notJson);
        publishSnapshot(SnapshotFixtures.mixed(hostId, Map.of(), 1, FIRST_COLLECTION,
                EngineFixtures.HARDENED_DAEMON_JSON));

        awaitSnapshot(hostId, 1);
        assertThat(DeadLetters.awaitRecords("fleetbench.host-snapshots.v1.report-service.dlq", notJson))
                .singleElement()
                .satisfies(record -> assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(hostId));
    }

    private HostSnapshotView snapshotAt(String hostId, Instant at) {
        return webClient.get().uri("/api/v1/hosts/{hostId}/snapshot?at={at}", hostId, at)
                .exchange()
                .expectStatus().isOk()
                .expectBody(HostSnapshotView.class)
                .returnResult()
                .getResponseBody();
    }

    private List<String> containerNames(String query) {
        return containers(query).stream().map(ContainerMatch::containerName).toList();
    }

    private List<ContainerMatch> containers(String query) {
        Page<ContainerMatch> page = containerPage(query);
        assertThat(page.nextCursor()).as("next cursor of %s", query).isNull();
        return page.items();
    }

    private Page<ContainerMatch> containerPage(String query) {
        Page<ContainerMatch> page = webClient.get().uri("/api/v1/containers?" + query)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<ContainerMatch>>() {
                })
                .returnResult()
                .getResponseBody();
        assertThat(page).as("containers page of %s", query).isNotNull();
        return page;
    }
}
