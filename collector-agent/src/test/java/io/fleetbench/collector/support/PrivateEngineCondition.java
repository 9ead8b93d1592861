package io.fleetbench.collector.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables tests, with the reason shown in the report, where private dockerd instances cannot start. */
public class PrivateEngineCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = PrivateDockerEngine.unavailableReason();
        return reason == null
                ? ConditionEvaluationResult.enabled("private dockerd instances can start")
                : ConditionEvaluationResult.disabled(reason);
    }
}
