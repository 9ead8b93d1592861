package io.fleetbench.rules.stream;

import io.fleetbench.embedded.EmbeddedKafkaBroker;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context that every rule-engine integration test class shares: the app with its own
 * {@code rule-engine.yml}, bound to the JVM's shared embedded Kafka broker.
 */
@SpringBootTest(properties = "spring.config.name=" + RuleEngineApplication.CONFIG_NAME)
abstract class RuleEngineIntegrationTest {

    @DynamicPropertySource
    static void kafkaBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> EmbeddedKafkaBroker.shared().bootstrapServers());
    }

    static KafkaTestClient kafka() {
        return new KafkaTestClient(EmbeddedKafkaBroker.shared().bootstrapServers());
    }
}
