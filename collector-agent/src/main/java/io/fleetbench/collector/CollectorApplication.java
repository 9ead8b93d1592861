package io.fleetbench.collector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The collector agent: one per Docker engine, publishing full snapshots of the engine and its host to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CollectorApplication {

    /**
     * The name of this application's configuration file, {@code collector-agent.yml}. It is not
     * {@code application.yml} because the standalone fleet runs several applications in one JVM.
     */
    public static final String CONFIG_NAME = "collector-agent";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CollectorApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
