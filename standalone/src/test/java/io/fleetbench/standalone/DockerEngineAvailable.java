package io.fleetbench.standalone;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test class, with the reason in the report, when no Docker engine answers on the default socket. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerEngineAvailable.Condition.class)
@interface DockerEngineAvailable {

    URI SOCKET = URI.create("unix:///var/run/docker.sock");

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                return ConditionEvaluationResult.enabled("Docker engine: " + EngineProbe.describe(SOCKET));
            } catch (EngineUnavailableException e) {
                return ConditionEvaluationResult.disabled("Skipped because no Docker engine answers: " + e.getMessage());
            }
        }
    }
}
