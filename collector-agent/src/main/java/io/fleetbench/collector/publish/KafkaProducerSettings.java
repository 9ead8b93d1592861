package io.fleetbench.collector.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fixes the producer settings that snapshots depend on, on top of Spring Boot's {@code spring.kafka.producer.*}
 * settings: String keys, byte-array values, acknowledgement by every in-sync replica, and idempotence, so a retried
 * send never duplicates or reorders a host's snapshots.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaProducerSettings {

    @Bean
    DefaultKafkaProducerFactoryCustomizer snapshotProducerSettings() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }
}
