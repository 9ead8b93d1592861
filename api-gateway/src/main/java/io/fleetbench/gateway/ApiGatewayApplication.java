package io.fleetbench.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts the API gateway in front of the report service. */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class ApiGatewayApplication {

    /**
     * The base name of this application's configuration file, {@code api-gateway.yml}. The standalone fleet runs
     * every service in one JVM, so each reads its own file instead of {@code application.yml}.
     */
    public static final String CONFIG_NAME = "api-gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ApiGatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
