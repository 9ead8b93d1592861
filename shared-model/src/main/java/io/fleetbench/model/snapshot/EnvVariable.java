package io.fleetbench.model.snapshot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable or build argument without its value, which never leaves the host.
 *
 * @param name the variable's name
 * @param secretLike whether the name or the value's shape suggests a secret set in plain text
 * @param secretReason why it looks like a secret, such as {@code name contains PASSWORD}, or {@code null}
 * @param fileReference whether the name follows the {@code _FILE} convention, so its value is a path to a secret file
 */
public record EnvVariable(String name, boolean secretLike, @Nullable String secretReason, boolean fileReference) {

    public EnvVariable {
        Objects.requireNonNull(name, "environment variable name is missing");
    }
}
