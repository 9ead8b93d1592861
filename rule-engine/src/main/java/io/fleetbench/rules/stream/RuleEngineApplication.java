package io.fleetbench.rules.stream;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes host snapshots, evaluates them against the configured benchmark catalogue and publishes audit reports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RuleEngineApplication {

    /**
     * The name of this app's configuration file, {@code rule-engine.yml}. The standalone fleet runs every app in
     * one JVM, so each app reads its own file instead of {@code application.yml}.
     */
    public static final String CONFIG_NAME = "rule-engine";

    public static void main(String[] args) {
        new SpringApplicationBuilder(RuleEngineApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
