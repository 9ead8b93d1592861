package io.fleetbench.rules.stream;

import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Wires the rule core into the stream function that {@code rule-engine.yml} binds to Kafka. */
@Configuration(proxyBeanMethods = false)
class RuleEngineConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditEvaluator auditEvaluator(RuleEngineProperties properties, Clock clock) {
        Path extraRulesDir = properties.extraRulesDir();
        return extraRulesDir == null
                ? BundledRules.evaluator(properties.benchmarkVersion(), clock)
                : BundledRules.evaluator(properties.benchmarkVersion(), extraRulesDir, clock);
    }

    /** The function bound as {@code evaluateSnapshot-in-0} (host snapshots) and {@code evaluateSnapshot-out-0}. */
    @Bean
    Function<Message<byte[]>, Message<byte[]>> evaluateSnapshot(AuditEvaluator auditEvaluator) {
        return new EvaluateSnapshotFunction(auditEvaluator);
    }
}
