package io.fleetbench.report;

import static org.awaitility.Awaitility.await;

import io.fleetbench.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a dead-letter topic of the shared test broker. */
final class DeadLetters {

    private DeadLetters() {
    }

    /** Reads partition 0 of {@code topic} from its start until a record with each of {@code values} has arrived. */
    static List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, byte[]... values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await("dead-letter records on " + topic)
                    .atMost(IntegrationTestSupport.APPLY_TIMEOUT)
                    .until(() -> {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (Arrays.stream(values).anyMatch(value -> Arrays.equals(value, record.value()))) {
                                found.add(record);
                            }
                        }
                        return found.size() >= values.length;
                    });
            return found;
        }
    }
}
