package io.fleetbench.report.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.IntegrationTestSupport;
import io.fleetbench.report.query.TransitionKind;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Opens the transition stream, applies reports through Kafka and reads the transitions as server-sent events. */
class TransitionStreamIntegrationTests extends IntegrationTestSupport {

    /** Allows 30 s per response, because the first requests after the context starts are slow on a busy machine. */
    @BeforeEach
    void allowSlowResponses() {
        webClient = webClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static final ParameterizedTypeReference<ServerSentEvent<StreamedTransition>> EVENT_TYPE =
            new ParameterizedTypeReference<>() {
            };

    @Test
    void streamDeliversIngestedTransition() {
        String hostId = newHostId("stream");
        String otherHostId = newHostId("stream-other");

        Flux<ServerSentEvent<StreamedTransition>> events = webClient.get()
                .uri("/api/v1/stream/transitions?host={hostId}", hostId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT_TYPE)
                .getResponseBody()
                .filter(event -> event.data() != null);

        StepVerifier.create(events)
                .then(() -> {
                    publish(report(otherHostId, 1, containerFinding("5.4", "web", Status.WARN)));
                    publish(report(hostId, 1, containerFinding("5.4", "web", Status.WARN)));
                })
                .assertNext(event -> {
                    StreamedTransition transition = event.data();
                    assertThat(event.event()).isEqualTo(TransitionStreamController.EVENT_NAME);
                    assertThat(event.id()).isEqualTo(Long.toString(transition.transitionId()));
                    assertThat(transition.hostId()).isEqualTo(hostId);
                    assertThat(transition.kind()).isEqualTo(TransitionKind.OPENED);
                    assertThat(transition.toStatus()).isEqualTo(Status.WARN);
                    assertThat(transition.checkId()).isEqualTo("5.4");
                })
                .then(() -> publish(report(hostId, 2)))
                .assertNext(event -> assertThat(event.data().kind()).isEqualTo(TransitionKind.RESOLVED))
                .thenCancel()
                .verify(APPLY_TIMEOUT);
    }

    @Test
    void invalidHostFilterIsRejected() {
        webClient.get().uri("/api/v1/stream/transitions?host={host}", "bad host!")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void negativeLastEventIdIsRejected() {
        webClient.get().uri("/api/v1/stream/transitions")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "-5")
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void lastEventIdResumesAfterThatTransition() {
        String hostId = newHostId("stream-resume");
        publish(report(hostId, 1, containerFinding("5.4", "web", Status.WARN), containerFinding("5.5", "web",
                Status.PASS)));
        awaitAppliedSequence(hostId, 1);

        Flux<StreamedTransition> replayed = webClient.get()
                .uri("/api/v1/stream/transitions?host={hostId}", hostId)
                .header("Last-Event-ID", "0")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(EVENT_TYPE)
                .getResponseBody()
                .filter(event -> event.data() != null)
                .map(ServerSentEvent::data);

        StepVerifier.create(replayed.take(2))
                .assertNext(transition -> assertThat(transition.checkId()).isEqualTo("5.4"))
                .assertNext(transition -> assertThat(transition.checkId()).isEqualTo("5.5"))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
    }
}
