package io.fleetbench.report;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Consumes audit reports into PostgreSQL and serves current results, history and fleet counts over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportServiceApplication {

    /** Name of this service's configuration file, {@code report-service.yml}, instead of {@code application.yml}. */
    public static final String CONFIG_NAME = "report-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReportServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
