package io.fleetbench.standalone;

import io.fleetbench.model.event.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the fleet's topics and their dead-letter topics on the embedded broker before any service starts, so
 * partition counts and record size limits are the ones the design sets, not the broker's auto-creation defaults.
 */
final class FleetTopics {

    private static final int PARTITIONS = 3;
    private static final String MAX_MESSAGE_BYTES = String.valueOf(9 * 1024 * 1024);

    private FleetTopics() {
    }

    static void create(String bootstrapServers) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.HOST_SNAPSHOTS, Topics.RUNTIME_EVENTS, Topics.AUDIT_REPORTS)) {
            topics.add(topic(name));
            topics.add(topic(Topics.deadLetter(name)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Failed to create the fleet's topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the fleet's topics", e);
        }
    }

    private static NewTopic topic(String name) {
        return new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of(
                "compression.type", "zstd",
                "max.message.bytes", MAX_MESSAGE_BYTES));
    }
}
