package io.fleetbench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfraIntegrationTests {

    @Test
    void kafkaBrokerRoundTripsRecord() throws Exception {
        String bootstrap = EmbeddedKafkaBroker.shared().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("embedded-roundtrip", "host-a", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", bootstrap, "group.id", "embedded-roundtrip", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("embedded-roundtrip"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int attempt = 0; attempt < 30 && records.isEmpty(); attempt++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().key()).isEqualTo("host-a");
        }
    }

    @Test
    void postgresServerCreatesDatabase() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        String url = server.createDatabase("embedded_check");
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("embedded_check");
        }
    }
}
