package io.fleetbench.rules.core.check.image;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Each container runs as a user other than root. The effective user is the container's {@code Config.User}, else
 * its image's {@code Config.User}, else root. A user name other than {@code root} passes, because the snapshot
 * cannot resolve names to UIDs inside the image.
 */
public final class ContainersRunAsNonRootUser extends ContainerCheck {

    @Override
    public String key() {
        return "containers-run-as-non-root";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        String containerUser = blankToNull(container.user());
        if (containerUser != null) {
            return assessUser(containerUser, "the container's Config.User is '" + containerUser + "'");
        }
        Optional<ImageFacts> image = context.imageOf(container);
        if (image.isEmpty()) {
            return Assessment.warn("the container's Config.User is empty and its image " + container.image()
                    + " is not in the snapshot, so the engine default root applies");
        }
        String imageUser = blankToNull(image.get().user());
        if (imageUser == null) {
            return Assessment.warn("the container's Config.User is empty and image " + image.get().reference()
                    + " sets no USER, so the container runs as root");
        }
        return assessUser(imageUser, "the container's Config.User is empty and image " + image.get().reference()
                + " sets USER '" + imageUser + "'");
    }

    private static Assessment assessUser(String user, String reason) {
        return isRoot(user) ? Assessment.warn(reason + ", which is root") : Assessment.pass(reason);
    }

    /** Returns whether {@code user}, in the engine's {@code user[:group]} form, names root by name or UID 0. */
    static boolean isRoot(String user) {
        int colon = user.indexOf(':');
        String name = (colon < 0 ? user : user.substring(0, colon)).trim();
        return name.isEmpty() || name.equals("root") || name.matches("0+");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
