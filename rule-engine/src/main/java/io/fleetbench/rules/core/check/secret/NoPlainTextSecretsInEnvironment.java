package io.fleetbench.rules.core.check.secret;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.List;

/**
 * No container carries a secret in a plain-text environment variable, where {@code docker inspect}, child processes
 * and crash dumps can read it. The agent marks secret-looking variables by name or value shape and removes every
 * value, so this check receives names only. A {@code _FILE} variable that points to a mounted secret file passes.
 */
public final class NoPlainTextSecretsInEnvironment extends ContainerCheck {

    @Override
    public String key() {
        return "no-plain-text-secrets-in-environment";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        List<EnvVariable> plainSecrets = container.env().stream()
                .filter(variable -> variable.secretLike() && !variable.fileReference())
                .toList();
        if (!plainSecrets.isEmpty()) {
            List<String> described = plainSecrets.stream().map(NoPlainTextSecretsInEnvironment::describe).toList();
            return Assessment.warn("secret-looking variables in Config.Env: " + String.join(", ", described));
        }
        List<String> fileReferences = container.env().stream()
                .filter(EnvVariable::fileReference)
                .map(EnvVariable::name)
                .toList();
        if (!fileReferences.isEmpty()) {
            return Assessment.pass("Config.Env passes secrets only as file references: "
                    + String.join(", ", fileReferences));
        }
        if (container.env().isEmpty()) {
            return Assessment.pass("Config.Env is empty");
        }
        return Assessment.pass("no variable in Config.Env looks like a secret (" + container.env().size() + " checked)");
    }

    private static String describe(EnvVariable variable) {
        String why = variable.secretReason();
        return why == null || why.isBlank() ? variable.name() : variable.name() + " (" + why + ")";
    }
}
