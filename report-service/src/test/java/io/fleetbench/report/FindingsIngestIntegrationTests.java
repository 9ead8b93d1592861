package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.Topics;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.query.TransitionView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.ParameterizedTypeReference;

/** Publishes audit reports through the real broker and checks the stored state through the HTTP API. */
class FindingsIngestIntegrationTests extends IntegrationTestSupport {

    private static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Topics.AUDIT_REPORTS);

    private static final Map<Status, Long> ONE_PASS_WARN_AND_INFO =
            Map.of(Status.PASS, 1L, Status.WARN, 1L, Status.INFO, 1L, Status.NOTE, 0L);

    @Autowired
    private BindingServiceProperties bindings;

    /** The dead-letter topic name is checked by {@link #invalidRecordGoesToDeadLetterTopic()}, which reads it. */
    @Test
    void bindingUsesSharedTopicName() {
        BindingProperties binding = bindings.getBindingProperties("ingestFindings-in-0");
        assertThat(binding.getDestination()).isEqualTo(Topics.AUDIT_REPORTS);
        assertThat(binding.getGroup()).isEqualTo("report-service");
    }

    @Test
    void firstReportStoresCurrentResults() {
        String hostId = newHostId("first");
        HostFindingsEvaluated report = report(hostId, 1,
                containerFinding("5.5", "web", Status.WARN),
                containerFinding("5.5", "db", Status.PASS),
                new Finding("2.1", "Restrict network traffic between containers", "Docker daemon configuration", true,
                        TargetKind.DAEMON, TargetKind.DAEMON.key("daemon"), null, Status.INFO,
                        "icc is not set in daemon.json", null));
        publish(report);

        HostReport stored = awaitAppliedSequence(hostId, 1);

        assertThat(stored.benchmarkVersion()).isEqualTo("1.6.0");
        assertThat(stored.host().hostId()).isEqualTo(hostId);
        assertThat(stored.host().name()).isEqualTo("Host " + hostId);
        assertThat(stored.host().labels())
                .containsExactlyInAnyOrderEntriesOf(Map.of("env", "test", "team", "platform"));
        assertThat(stored.host().agentVersion()).isEqualTo("0.1.0");
        assertThat(stored.host().engineVersion()).isEqualTo("20.10.24");
        assertThat(stored.host().lastSeen()).isEqualTo(collectedAt(1));
        assertThat(stored.host().lastReportAt()).isEqualTo(report.occurredAt());
        assertThat(stored.host().counts())
                .containsExactlyInAnyOrderEntriesOf(ONE_PASS_WARN_AND_INFO);

        assertThat(stored.findings()).extracting(FindingView::checkId, FindingView::targetKey, FindingView::status)
                .containsExactly(
                        tuple("2.1", "daemon", Status.INFO),
                        tuple("5.5", "container:db", Status.PASS),
                        tuple("5.5", "container:web", Status.WARN));
        FindingView web = stored.findings().get(2);
        assertThat(web.title()).isEqualTo("Recommendation 5.5");
        assertThat(web.section()).isEqualTo("Container Runtime");
        assertThat(web.scored()).isTrue();
        assertThat(web.targetKind()).isEqualTo(TargetKind.CONTAINER);
        assertThat(web.targetId()).isEqualTo("id-web");
        assertThat(web.reason()).isEqualTo("Observed WARN for 5.5 on web");
        assertThat(web.remediation()).isEqualTo("Change the container's settings");
        assertThat(web.firstSeen()).isEqualTo(collectedAt(1));
        assertThat(web.lastChanged()).isEqualTo(collectedAt(1));
        assertThat(stored.findings().get(0).targetId()).isNull();
        assertThat(stored.findings().get(0).remediation()).isNull();

        assertThat(history(hostId)).extracting(TransitionView::kind).containsOnly(TransitionKind.OPENED).hasSize(3);
    }

    @Test
    void secondReportRecordsTransitions() {
        String hostId = newHostId("second");
        publish(report(hostId, 1,
                containerFinding("5.4", "web", Status.WARN),
                containerFinding("5.5", "web", Status.PASS),
                containerFinding("5.6", "web", Status.INFO)));
        awaitAppliedSequence(hostId, 1);

        // 5.4 changes to PASS, 5.5 is gone, 5.6 stays INFO, and 5.7 is new.
        publish(report(hostId, 2,
                containerFinding("5.4", "web", Status.PASS),
                containerFinding("5.6", "web", Status.INFO),
                containerFinding("5.7", "web", Status.WARN)));
        HostReport stored = awaitAppliedSequence(hostId, 2);

        assertThat(stored.findings()).extracting(FindingView::checkId, FindingView::status).containsExactly(
                tuple("5.4", Status.PASS),
                tuple("5.6", Status.INFO),
                tuple("5.7", Status.WARN));
        FindingView changed = stored.findings().get(0);
        assertThat(changed.firstSeen()).isEqualTo(collectedAt(1));
        assertThat(changed.lastChanged()).isEqualTo(collectedAt(2));
        FindingView unchanged = stored.findings().get(1);
        assertThat(unchanged.firstSeen()).isEqualTo(collectedAt(1));
        assertThat(unchanged.lastChanged()).isEqualTo(collectedAt(1));
        assertThat(stored.host().counts())
                .containsExactlyInAnyOrderEntriesOf(ONE_PASS_WARN_AND_INFO);

        List<TransitionView> secondReport = history(hostId).stream()
                .filter(transition -> transition.snapshotSequence() == 2)
                .toList();
        assertThat(secondReport).hasSize(3);
        TransitionView statusChange = only(secondReport, "5.4");
        assertThat(statusChange.kind()).isEqualTo(TransitionKind.STATUS_CHANGED);
        assertThat(statusChange.fromStatus()).isEqualTo(Status.WARN);
        assertThat(statusChange.toStatus()).isEqualTo(Status.PASS);
        assertThat(statusChange.occurredAt()).isEqualTo(collectedAt(2));
        TransitionView resolved = only(secondReport, "5.5");
        assertThat(resolved.kind()).isEqualTo(TransitionKind.RESOLVED);
        assertThat(resolved.fromStatus()).isEqualTo(Status.PASS);
        assertThat(resolved.toStatus()).isNull();
        assertThat(resolved.reason()).isEqualTo("Observed PASS for 5.5 on web");
        TransitionView opened = only(secondReport, "5.7");
        assertThat(opened.kind()).isEqualTo(TransitionKind.OPENED);
        assertThat(opened.fromStatus()).isNull();
        assertThat(opened.toStatus()).isEqualTo(Status.WARN);
    }

    @Test
    void duplicateAndOlderReportsChangeNothing() {
        String hostId = newHostId("stale");
        publish(report(hostId, 5, containerFinding("5.5", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 5);

        // A duplicate of sequence 5 and an older sequence 3, each with other findings, then a newer sequence 6.
        // The topic keeps per-key order, so once 6 is applied the two before it have been consumed.
        publish(report(hostId, 5,
                containerFinding("5.5", "web", Status.PASS),
                containerFinding("5.6", "web", Status.WARN)));
        publish(report(hostId, 3, containerFinding("5.9", "db", Status.WARN)));
        publish(report(hostId, 6,
                containerFinding("5.5", "web", Status.WARN),
                containerFinding("5.8", "web", Status.NOTE)));
        HostReport stored = awaitAppliedSequence(hostId, 6);

        assertThat(stored.host().lastSeen()).isEqualTo(collectedAt(6));
        assertThat(stored.findings()).extracting(FindingView::checkId, FindingView::status).containsExactly(
                tuple("5.5", Status.WARN),
                tuple("5.8", Status.NOTE));
        assertThat(stored.findings().get(0).lastChanged()).isEqualTo(collectedAt(5));
        assertThat(history(hostId))
                .extracting(TransitionView::snapshotSequence, TransitionView::checkId, TransitionView::kind)
                .containsExactly(
                        tuple(6L, "5.8", TransitionKind.OPENED),
                        tuple(5L, "5.5", TransitionKind.OPENED));
    }

    @Test
    void largeReportIsWrittenInBatches() {
        // 1200 findings need three statements at the default write-batch-size of 500, both to insert and to delete.
        String hostId = newHostId("large");
        Finding[] first = new Finding[1200];
        for (int i = 0; i < first.length; i++) {
            first[i] = containerFinding("5.5", "app-" + i, i % 2 == 0 ? Status.WARN : Status.PASS);
        }
        publish(report(hostId, 1, first));
        HostReport stored = awaitAppliedSequence(hostId, 1);
        assertThat(stored.findings()).hasSize(1200);
        assertThat(stored.host().counts()).containsEntry(Status.WARN, 600L).containsEntry(Status.PASS, 600L);

        // The second report keeps the first 100 containers with every status flipped, so the other 1100 are resolved.
        Finding[] second = new Finding[100];
        for (int i = 0; i < second.length; i++) {
            second[i] = containerFinding("5.5", "app-" + i, i % 2 == 0 ? Status.PASS : Status.WARN);
        }
        publish(report(hostId, 2, second));
        stored = awaitAppliedSequence(hostId, 2);

        assertThat(stored.findings()).hasSize(100);
        assertThat(stored.host().counts()).containsEntry(Status.WARN, 50L).containsEntry(Status.PASS, 50L);
        List<TransitionView> secondReport = history(hostId).stream()
                .filter(transition -> transition.snapshotSequence() == 2)
                .toList();
        assertThat(secondReport).filteredOn(transition -> transition.kind() == TransitionKind.RESOLVED).hasSize(1100);
        assertThat(secondReport)
                .filteredOn(transition -> transition.kind() == TransitionKind.STATUS_CHANGED)
                .hasSize(100);
    }

    @Test
    void invalidRecordGoesToDeadLetterTopic() {
        String hostId = newHostId("invalid");
        byte[] notJson = ("not a report " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        HostFindingsEvaluated duplicateKeys = report(hostId, 1,
                containerFinding("5.5", "web", Status.WARN), containerFinding("5.5", "web", Status.PASS));
        byte[] duplicateKeysBytes = EventCodec.encode(duplicateKeys);

        byte[] otherKeyBytes = EventCodec.encode(report(hostId, 3, containerFinding("5.5", "web", Status.WARN)));

        publishRaw(hostId, notJson);
        publishRaw(hostId, duplicateKeysBytes);
        publishRaw("other-" + hostId, otherKeyBytes);
        publish(report(hostId, 2, containerFinding("5.5", "web", Status.PASS)));

        HostReport stored = awaitAppliedSequence(hostId, 2);
        assertThat(stored.findings()).extracting(FindingView::status).containsExactly(Status.PASS);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = awaitDeadLetters(notJson, duplicateKeysBytes,
                otherKeyBytes);
        assertThat(headerText(deadLetters.get(2), KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE))
                .contains("arrived with record key 'other-" + hostId + "'")
                .contains("Key audit reports by their host id");
        assertThat(awaitAppliedSequence(hostId, 2).snapshotSequence()).as("the report under another key").isEqualTo(2L);
        for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters.subList(0, 2)) {
            assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo(hostId);
            assertThat(headerText(deadLetter, KafkaMessageChannelBinder.X_ORIGINAL_TOPIC))
                    .isEqualTo(Topics.AUDIT_REPORTS);
        }
        assertThat(headerText(deadLetters.get(0), KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE))
                .contains("not valid JSON");
        assertThat(headerText(deadLetters.get(1), KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE))
                .contains("contains check 5.5 on container:web")
                .contains("twice");
    }

    /** Reads a host's whole history through the API, newest first, following the cursors. */
    private List<TransitionView> history(String hostId) {
        ParameterizedTypeReference<Page<TransitionView>> type = new ParameterizedTypeReference<>() {
        };
        List<TransitionView> transitions = new ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/v1/hosts/" + hostId + "/history?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Page<TransitionView> page = webClient.get()
                    .uri(uri)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(type)
                    .returnResult()
                    .getResponseBody();
            assertThat(page).as("history page of host %s", hostId).isNotNull();
            transitions.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return transitions;
    }

    private static TransitionView only(List<TransitionView> transitions, String checkId) {
        List<TransitionView> matching = transitions.stream().filter(t -> t.checkId().equals(checkId)).toList();
        assertThat(matching).as("transitions of check %s", checkId).hasSize(1);
        return matching.get(0);
    }

    /** Reads the dead-letter topic from its start until records with each of {@code values} arrived, in that order. */
    private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(byte[]... values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(DEAD_LETTER_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await("dead-letter records on " + DEAD_LETTER_TOPIC)
                    .atMost(APPLY_TIMEOUT)
                    .until(() -> {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (Arrays.stream(values).anyMatch(value -> Arrays.equals(value, record.value()))) {
                                found.add(record);
                            }
                        }
                        return found.size() >= values.length;
                    });
            // Records of other keys may be consumed by another thread, so they are returned in the order of values.
            List<byte[]> expected = Arrays.asList(values);
            found.sort(Comparator.comparingInt(record -> indexOf(expected, record.value())));
            assertThat(found).extracting(ConsumerRecord::value).containsExactly(values);
            return found;
        }
    }

    private static int indexOf(List<byte[]> values, byte[] value) {
        for (int i = 0; i < values.size(); i++) {
            if (Arrays.equals(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static String headerText(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            List<String> names = new ArrayList<>();
            record.headers().forEach(present -> names.add(present.key()));
            throw new AssertionError("Dead-letter record has no header " + name + "; headers: " + names);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
