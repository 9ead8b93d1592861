package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class ReportPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesConfiguration.class);

    @Test
    void defaultsApplyWithoutSettings() {
        contextRunner.run(context -> {
            ReportProperties properties = context.getBean(ReportProperties.class);
            assertThat(properties.ingestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.writeBatchSize()).isEqualTo(500);
            assertThat(properties.defaultPageSize()).isEqualTo(100);
            assertThat(properties.maxPageSize()).isEqualTo(1000);
        });
    }

    @Test
    void oversizedWriteBatchFailsStartup() {
        contextRunner.withPropertyValues("fleetbench.report.write-batch-size=5000")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("writeBatchSize"));
    }

    @Test
    void defaultPageAboveMaximumFailsStartup() {
        contextRunner
                .withPropertyValues("fleetbench.report.default-page-size=200", "fleetbench.report.max-page-size=50")
                .run(context -> assertThat(context).getFailure()
                        .rootCause().hasMessageContaining("fleetbench.report.default-page-size 200")
                        .hasMessageContaining("fleetbench.report.max-page-size 50"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReportProperties.class)
    static class PropertiesConfiguration {
    }
}
