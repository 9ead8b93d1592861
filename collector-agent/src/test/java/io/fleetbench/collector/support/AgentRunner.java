package io.fleetbench.collector.support;

import io.fleetbench.collector.CollectorApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a whole collector agent, as its main method does, with settings given as properties. */
public final class AgentRunner {

    private AgentRunner() {
    }

    /** Starts an agent with {@code properties} on top of its defaults; close the context to stop it. */
    public static ConfigurableApplicationContext start(Map<String, String> properties) {
        // Command-line arguments, because default properties rank below collector-agent.yml.
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(CollectorApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=" + CollectorApplication.CONFIG_NAME)
                .run(arguments.toArray(String[]::new));
    }
}
