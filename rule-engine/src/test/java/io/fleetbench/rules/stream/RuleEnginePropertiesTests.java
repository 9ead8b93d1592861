package io.fleetbench.rules.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class RuleEnginePropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void defaultsToBundledVersion() {
        runner.run(context -> assertThat(context.getBean(RuleEngineProperties.class).benchmarkVersion())
                .isEqualTo("1.8.0"));
    }

    @Test
    void rejectsVersionWithoutCatalogue() {
        runner.withPropertyValues("fleetbench.rules.benchmark-version=1.7.0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("fleetbench.rules.benchmark-version '1.7.0' has no bundled catalogue. "
                            + "Set it to one of: 1.6.0, 1.8.0");
        });
    }

    @Test
    void rejectsBlankVersion() {
        runner.withPropertyValues("fleetbench.rules.benchmark-version= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("fleetbench.rules")
                    .hasMessageContaining("benchmarkVersion");
        });
    }

    @Test
    void rejectsMissingExtraRulesFolder() {
        runner.withPropertyValues("fleetbench.rules.extra-rules-dir=/nonexistent/fleetbench-rules").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("fleetbench.rules.extra-rules-dir '/nonexistent/fleetbench-rules'")
                    .hasMessageContaining("is not a folder");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RuleEngineProperties.class)
    static class PropertiesConfiguration {
    }
}
