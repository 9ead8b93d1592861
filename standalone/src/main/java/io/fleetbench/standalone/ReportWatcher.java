package io.fleetbench.standalone;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.event.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the audit-report topic from its end as it was when the watcher started, so the first report it returns is
 * one produced by this run. It uses no consumer group and commits nothing.
 */
final class ReportWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportWatcher.class);

    private final KafkaConsumer<String, byte[]> consumer;

    private ReportWatcher(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    static ReportWatcher startAtEnd(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_REPORTS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return new ReportWatcher(consumer);
    }

    synchronized Optional<HostFindingsEvaluated> awaitFirst(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                try {
                    return Optional.of(EventCodec.decodeFindings(record.value()));
                } catch (InvalidEventException e) {
                    log.warn("Skipped an invalid audit report at {}-{} offset {}: {}", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
