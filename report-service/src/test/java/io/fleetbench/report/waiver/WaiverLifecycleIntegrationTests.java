package io.fleetbench.report.waiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.IntegrationTestSupport;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.FleetFinding;
import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.HostView;
import io.fleetbench.report.query.ScorePoint;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.query.TransitionView;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Walks waivers through their lifecycle against the real database: a service with a clock of its own creates a
 * waiver, reports arrive through Kafka, and moving the clock past the expiry re-opens the findings.
 */
class WaiverLifecycleIntegrationTests extends IntegrationTestSupport {

    /** Allows 30 s per response, because the first requests after the context starts are slow on a busy machine. */
    @BeforeEach
    void allowSlowResponses() {
        webClient = webClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    private WaiverStore store;

    @Autowired
    private ReportProperties properties;

    private MutableClock clock;
    private WaiverService waivers;

    @BeforeEach
    void createService() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        waivers = new WaiverService(store, properties, clock);
    }

    @Test
    void waiverCoversThenExpiryReopens() {
        String hostId = newHostId("waiver-life");
        publish(report(hostId, 1,
                containerFinding("5.10", "web", Status.WARN),
                containerFinding("5.10", "api", Status.WARN),
                containerFinding("5.10", "cache", Status.PASS),
                containerFinding("5.4", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 1);

        Waiver waiver = waivers.create(hostRequest(hostId, "5.10", "bob", clock.instant().plus(DAY)), "alice")
                .block(Duration.ofSeconds(10));
        assertThat(waiver.state()).isEqualTo(Waiver.State.ACTIVE);
        assertThat(waiver.createdBy()).isEqualTo("alice");
        assertThat(kinds(hostId, TransitionKind.WAIVED)).containsExactlyInAnyOrder(
                "5.10 container:api", "5.10 container:web");
        FindingView waived = finding(hostId, "5.10", "container:web");
        assertThat(waived.status()).isEqualTo(Status.WARN);
        assertThat(waived.waived()).isTrue();
        assertThat(waived.waiverId()).isEqualTo(waiver.waiverId());
        assertThat(finding(hostId, "5.4", "container:web").waived()).isFalse();
        assertThat(finding(hostId, "5.10", "container:cache").waived()).as("a passing finding").isFalse();
        assertThat(searchFindings(hostId, "5.10"))
                .filteredOn(found -> found.targetKey().equals("container:web"))
                .singleElement()
                .satisfies(found -> {
                    assertThat(found.waived()).isTrue();
                    assertThat(found.waiverId()).isEqualTo(waiver.waiverId());
                });
        HostView host = host(hostId);
        assertThat(host.counts().get(Status.WARN)).as("WARN without the waived findings").isEqualTo(1);
        assertThat(host.waived()).isEqualTo(2);
        assertThat(trend(hostId)).last().satisfies(point -> {
            assertThat(point.warn()).isEqualTo(1);
            assertThat(point.waived()).isEqualTo(2);
            assertThat(point.score()).as("1 PASS and 1 unwaived WARN").isEqualTo(50.0);
        });

        publish(report(hostId, 2,
                containerFinding("5.10", "web", Status.WARN),
                containerFinding("5.10", "api", Status.WARN),
                containerFinding("5.10", "cache", Status.PASS),
                containerFinding("5.10", "db", Status.WARN),
                containerFinding("5.4", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 2);
        List<TransitionView> waivedOnIngest = transitions(hostId).stream()
                .filter(transition -> transition.kind() == TransitionKind.WAIVED)
                .filter(transition -> transition.snapshotSequence() == 2)
                .toList();
        assertThat(waivedOnIngest).extracting(TransitionView::targetKey).containsExactly("container:db");
        assertThat(host(hostId).waived()).isEqualTo(3);
        assertThat(trend(hostId)).last().extracting(ScorePoint::waived).isEqualTo(3);

        clock.advance(DAY.plusMinutes(1));
        assertThat(waivers.find(waiver.waiverId()).block(Duration.ofSeconds(10)).state())
                .as("state read after the expiry, before the job ran")
                .isEqualTo(Waiver.State.EXPIRED);
        assertThat(waivers.expireDue().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1L);

        assertThat(kinds(hostId, TransitionKind.WAIVER_EXPIRED)).containsExactlyInAnyOrder(
                "5.10 container:api", "5.10 container:web", "5.10 container:db");
        FindingView reopened = finding(hostId, "5.10", "container:web");
        assertThat(reopened.waived()).isFalse();
        assertThat(reopened.waiverId()).isNull();
        assertThat(host(hostId).waived()).isZero();
        assertThat(host(hostId).counts().get(Status.WARN)).isEqualTo(4);
        assertThat(trend(hostId)).last().satisfies(point -> {
            assertThat(point.waived()).isZero();
            assertThat(point.score()).as("1 PASS and 4 WARN").isEqualTo(20.0);
        });
        assertThat(waivers.changes(waiver.waiverId()).collectList().block(Duration.ofSeconds(10)))
                .extracting(change -> change.action() + " " + change.actor() + " " + change.findings())
                .containsExactly("CREATED alice 2", "EXPIRED fleetbench 3");
        assertThat(waivers.list(Waiver.State.EXPIRED, "5.10", hostId).collectList().block(Duration.ofSeconds(10)))
                .extracting(Waiver::waiverId)
                .containsExactly(waiver.waiverId());

        assertThat(waivers.expireDue().block(Duration.ofSeconds(10)))
                .as("a second run finds nothing left of this waiver")
                .isGreaterThanOrEqualTo(0L);
        assertThat(kinds(hostId, TransitionKind.WAIVER_EXPIRED)).hasSize(3);
    }

    @Test
    void approverEqualToCreatorIsRejected() {
        WaiverRequest request = hostRequest("host-x", "5.10", "alice", clock.instant().plus(DAY));

        assertThatThrownBy(() -> waivers.create(request, "alice").block(Duration.ofSeconds(10)))
                .isInstanceOf(InvalidWaiverException.class)
                .hasMessageContaining("approver 'alice' is the creator");
    }

    @Test
    void expiryBeyondMaximumIsRejected() {
        WaiverRequest past = hostRequest("host-x", "5.10", "bob", clock.instant().minusSeconds(1));
        WaiverRequest tooFar = hostRequest("host-x", "5.10", "bob", clock.instant().plus(Duration.ofDays(400)));

        assertThatThrownBy(() -> waivers.create(past, "alice").block(Duration.ofSeconds(10)))
                .isInstanceOf(InvalidWaiverException.class)
                .hasMessageContaining("is not in the future");
        assertThatThrownBy(() -> waivers.create(tooFar, "alice").block(Duration.ofSeconds(10)))
                .isInstanceOf(InvalidWaiverException.class)
                .hasMessageContaining("more than 365 days ahead");
    }

    @Test
    void apiRecordsCreatorAndRevoker() {
        String hostId = newHostId("waiver-api");
        publish(report(hostId, 1, containerFinding("5.12", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 1);

        Waiver created = webClient.post().uri("/api/v1/waivers")
                .header(WaiverController.USER_HEADER, "carol")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(hostRequest(hostId, "5.12", "dave", Instant.now().plus(DAY)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Waiver.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.createdBy()).isEqualTo("carol");

        webClient.post().uri("/api/v1/waivers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(hostRequest(hostId, "5.12", "dave", Instant.now().plus(DAY)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains(WaiverController.USER_HEADER));

        webClient.delete().uri("/api/v1/waivers/abc")
                .header(WaiverController.USER_HEADER, "erin")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("waiverId")
                .jsonPath("$.value").isEqualTo("abc");
        webClient.post().uri("/api/v1/waivers")
                .header(WaiverController.USER_HEADER, "carol")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checkId\": \"5.12\", \"hostId\": \"" + hostId + "\", \"reason\": \"r\", "
                        + "\"owner\": \"o\", \"approver\": \"dave\", \"expiresAt\": \"soon\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("expiresAt"));

        webClient.delete().uri("/api/v1/waivers/{id}", created.waiverId())
                .header(WaiverController.USER_HEADER, "erin")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("REVOKED").jsonPath("$.revokedBy").isEqualTo("erin");
        webClient.delete().uri("/api/v1/waivers/{id}", created.waiverId())
                .header(WaiverController.USER_HEADER, "erin")
                .exchange()
                .expectStatus().isEqualTo(409);

        List<WaiverChange> changes = webClient.get().uri("/api/v1/waivers/{id}/changes", created.waiverId())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<WaiverChange>>() {
                })
                .returnResult()
                .getResponseBody();
        assertThat(changes).extracting(change -> change.action() + " " + change.actor() + " " + change.findings())
                .containsExactly("CREATED carol 1", "REVOKED erin 1");
        assertThat(kinds(hostId, TransitionKind.WAIVER_REVOKED)).containsExactly("5.12 container:web");

        webClient.get().uri("/api/v1/waivers?state=revoked&host={hostId}", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].waiverId").isEqualTo(created.waiverId());
        webClient.get().uri("/api/v1/waivers?state=sleeping")
                .exchange()
                .expectStatus().isBadRequest();
        webClient.get().uri("/api/v1/waivers/{id}/changes", Long.MAX_VALUE)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void revokedWaiverHandsFindingsOver() {
        String hostId = newHostId("waiver-handover");
        publish(report(hostId, 1,
                containerFinding("5.25", hostId + "-web", Status.WARN),
                containerFinding("5.25", hostId + "-api", Status.WARN)));
        awaitAppliedSequence(hostId, 1);
        Instant expiresAt = Instant.now().plus(DAY);
        Waiver older = createOverApi(containerRequest(hostId + "-*", "5.25", expiresAt));
        Waiver newer = createOverApi(hostRequest(hostId, "5.25", "dave", expiresAt));
        assertThat(finding(hostId, "5.25", "container:" + hostId + "-web").waiverId())
                .as("the oldest matching waiver covers the finding")
                .isEqualTo(older.waiverId());
        long fleetWaived = fleetSummary().waived();

        revokeOverApi(older.waiverId());

        FindingView handedOver = finding(hostId, "5.25", "container:" + hostId + "-web");
        assertThat(handedOver.waived()).isTrue();
        assertThat(handedOver.waiverId()).isEqualTo(newer.waiverId());
        assertThat(finding(hostId, "5.25", "container:" + hostId + "-api").waiverId()).isEqualTo(newer.waiverId());
        assertThat(host(hostId).waived()).isEqualTo(2);
        assertThat(host(hostId).counts().get(Status.WARN)).isZero();
        assertThat(fleetSummary().waived()).isEqualTo(fleetWaived);
        assertThat(kinds(hostId, TransitionKind.WAIVER_REVOKED)).isEmpty();
        assertThat(transitions(hostId))
                .filteredOn(transition -> transition.kind() == TransitionKind.WAIVED)
                .filteredOn(transition -> transition.reason().startsWith("Waiver " + older.waiverId()
                        + " was revoked, so waiver " + newer.waiverId() + " covers the finding now."))
                .extracting(TransitionView::targetKey)
                .containsExactlyInAnyOrder("container:" + hostId + "-web", "container:" + hostId + "-api");
        assertThat(changes(older.waiverId())).containsExactly("CREATED carol 2", "REVOKED erin 0");

        revokeOverApi(newer.waiverId());

        FindingView reopened = finding(hostId, "5.25", "container:" + hostId + "-web");
        assertThat(reopened.waived()).isFalse();
        assertThat(reopened.waiverId()).isNull();
        assertThat(host(hostId).waived()).isZero();
        assertThat(host(hostId).counts().get(Status.WARN)).isEqualTo(2);
        assertThat(fleetSummary().waived()).isEqualTo(fleetWaived - 2);
        assertThat(kinds(hostId, TransitionKind.WAIVER_REVOKED)).containsExactlyInAnyOrder(
                "5.25 container:" + hostId + "-web", "5.25 container:" + hostId + "-api");
        assertThat(changes(newer.waiverId())).containsExactly("CREATED carol 0", "REVOKED erin 2");
    }

    @Test
    void expiredWaiverHandsFindingsOver() {
        String hostId = newHostId("waiver-expiry-handover");
        publish(report(hostId, 1,
                containerFinding("5.26", hostId + "-web", Status.WARN),
                containerFinding("5.26", hostId + "-db", Status.WARN)));
        awaitAppliedSequence(hostId, 1);
        Waiver older = waivers.create(hostRequest(hostId, "5.26", "bob", clock.instant().plus(DAY)), "alice")
                .block(Duration.ofSeconds(10));
        WaiverRequest webOnly = containerRequest(hostId + "-w*", "5.26", clock.instant().plus(DAY.multipliedBy(3)));
        Waiver newer = waivers.create(webOnly, "alice").block(Duration.ofSeconds(10));

        clock.advance(DAY.plusMinutes(1));
        assertThat(waivers.expireDue().block(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1L);

        FindingView handedOver = finding(hostId, "5.26", "container:" + hostId + "-web");
        assertThat(handedOver.waived()).isTrue();
        assertThat(handedOver.waiverId()).isEqualTo(newer.waiverId());
        FindingView reopened = finding(hostId, "5.26", "container:" + hostId + "-db");
        assertThat(reopened.waived()).as("outside the newer waiver's container pattern").isFalse();
        assertThat(reopened.waiverId()).isNull();
        assertThat(host(hostId).waived()).isEqualTo(1);
        assertThat(kinds(hostId, TransitionKind.WAIVER_EXPIRED)).containsExactly("5.26 container:" + hostId + "-db");
        assertThat(changes(older.waiverId())).containsExactly("CREATED alice 2", "EXPIRED fleetbench 1");
    }

    private Waiver createOverApi(WaiverRequest request) {
        return webClient.post().uri("/api/v1/waivers")
                .header(WaiverController.USER_HEADER, "carol")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Waiver.class)
                .returnResult()
                .getResponseBody();
    }

    private void revokeOverApi(long waiverId) {
        webClient.delete().uri("/api/v1/waivers/{id}", waiverId)
                .header(WaiverController.USER_HEADER, "erin")
                .exchange()
                .expectStatus().isOk();
    }

    private List<String> changes(long waiverId) {
        return waivers.changes(waiverId).collectList().block(Duration.ofSeconds(10)).stream()
                .map(change -> change.action() + " " + change.actor() + " " + change.findings())
                .toList();
    }

    private FleetSummary fleetSummary() {
        return webClient.get().uri("/api/v1/fleet/summary?hostLimit=1")
                .exchange()
                .expectStatus().isOk()
                .expectBody(FleetSummary.class)
                .returnResult()
                .getResponseBody();
    }

    private static WaiverRequest containerRequest(String containerPattern, String checkId, Instant expiresAt) {
        return new WaiverRequest(checkId, null, null, containerPattern, null, "Accepted until the migration",
                "team-payments", "dave", expiresAt);
    }

    private static WaiverRequest hostRequest(String hostId, String checkId, String approver, Instant expiresAt) {
        return new WaiverRequest(checkId, hostId, null, null, null, "Accepted until the migration",
                "team-payments", approver, expiresAt);
    }

    private FindingView finding(String hostId, String checkId, String targetKey) {
        HostReport report = webClient.get().uri("/api/v1/hosts/{hostId}/report", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(HostReport.class)
                .returnResult()
                .getResponseBody();
        return report.findings().stream()
                .filter(finding -> finding.checkId().equals(checkId) && finding.targetKey().equals(targetKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + checkId + " on " + targetKey));
    }

    private List<String> kinds(String hostId, TransitionKind kind) {
        return transitions(hostId).stream()
                .filter(transition -> transition.kind() == kind)
                .map(transition -> transition.checkId() + " " + transition.targetKey())
                .toList();
    }

    private List<FleetFinding> searchFindings(String hostId, String checkId) {
        return webClient.get().uri("/api/v1/findings?host={hostId}&check={checkId}", hostId, checkId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<FleetFinding>>() {
                })
                .returnResult()
                .getResponseBody()
                .items();
    }

    private HostView host(String hostId) {
        return webClient.get().uri("/api/v1/hosts/{hostId}/report", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(HostReport.class)
                .returnResult()
                .getResponseBody()
                .host();
    }

    private List<ScorePoint> trend(String hostId) {
        return webClient.get().uri("/api/v1/hosts/{hostId}/trend?limit=1000", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<ScorePoint>>() {
                })
                .returnResult()
                .getResponseBody()
                .items();
    }

    private List<TransitionView> transitions(String hostId) {
        return webClient.get().uri("/api/v1/hosts/{hostId}/history?limit=1000", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<TransitionView>>() {
                })
                .returnResult()
                .getResponseBody()
                .items();
    }
}
