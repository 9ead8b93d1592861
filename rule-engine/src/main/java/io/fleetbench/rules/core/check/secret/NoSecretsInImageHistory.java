package io.fleetbench.rules.core.check.secret;

import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.ImageHistoryEntry;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ImageCheck;
import io.fleetbench.rules.core.check.secret.HistoryStepVariables.SecretVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * No image's build history sets a secret-looking variable. Build arguments, ARG defaults, ENV and LABEL values stay
 * in {@code docker history} output and in every pushed copy of the image, even when a later step removes them. The
 * agent redacts the values before it sends the history, so this check names the step and the variable only.
 */
public final class NoSecretsInImageHistory extends ImageCheck {

    @Override
    public String key() {
        return "no-secrets-in-image-history";
    }

    @Override
    protected Assessment assess(ImageFacts image, CheckContext context) {
        List<ImageHistoryEntry> history = image.history();
        if (history.isEmpty()) {
            return Assessment.info("the snapshot has no build history for this image, because the agent did not"
                    + " or could not read GET /images/{id}/history; check it with docker history --no-trunc");
        }
        List<String> offenders = new ArrayList<>();
        for (int step = 0; step < history.size(); step++) {
            for (SecretVariable variable : HistoryStepVariables.find(history.get(step).createdBy())) {
                offenders.add("step " + step + " " + variable.describe());
            }
        }
        if (!offenders.isEmpty()) {
            return Assessment.warn("the build history sets secret-looking variables (steps counted from 0, newest"
                    + " first, as docker history lists them): " + String.join(", ", offenders));
        }
        return Assessment.pass("no step of the build history sets a secret-looking variable (" + history.size()
                + " steps checked)");
    }
}
