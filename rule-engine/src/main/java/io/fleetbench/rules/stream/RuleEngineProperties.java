package io.fleetbench.rules.stream;

import io.fleetbench.rules.core.BundledRules;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the rule engine under {@code fleetbench.rules}. Kafka connection settings are Spring Boot's and
 * Spring Cloud Stream's own ({@code spring.cloud.stream.kafka.binder.*}).
 *
 * @param benchmarkVersion the CIS Docker Benchmark version whose bundled catalogue evaluates every snapshot, such
 *     as {@code 1.8.0}
 * @param extraRulesDir a folder of organisation rule files ({@code *.yaml}) evaluated after the benchmark and
 *     reported under their own ids, or {@code null} for none
 */
@ConfigurationProperties("fleetbench.rules")
@Validated
public record RuleEngineProperties(
        @NotBlank @DefaultValue("1.8.0") String benchmarkVersion, @Nullable Path extraRulesDir) {

    public RuleEngineProperties {
        if (benchmarkVersion != null && !benchmarkVersion.isBlank()) {
            List<String> bundled = BundledRules.versions();
            if (!bundled.contains(benchmarkVersion)) {
                throw new IllegalArgumentException("fleetbench.rules.benchmark-version '" + benchmarkVersion
                        + "' has no bundled catalogue. Set it to one of: " + String.join(", ", bundled));
            }
        }
        if (extraRulesDir != null && !Files.isDirectory(extraRulesDir)) {
            throw new IllegalArgumentException("fleetbench.rules.extra-rules-dir '" + extraRulesDir
                    + "' is not a folder. Create it with the organisation rule files, or unset the property");
        }
    }
}
