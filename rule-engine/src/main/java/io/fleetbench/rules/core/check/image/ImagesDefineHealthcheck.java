package io.fleetbench.rules.core.check.image;

import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ImageCheck;

/** Each image defines a HEALTHCHECK, so the engine can report whether containers built from it work. */
public final class ImagesDefineHealthcheck extends ImageCheck {

    @Override
    public String key() {
        return "images-define-healthcheck";
    }

    @Override
    protected Assessment assess(ImageFacts image, CheckContext context) {
        if (image.healthcheckConfigured()) {
            return Assessment.pass("the image's Config.Healthcheck is set (engine API)");
        }
        return Assessment.warn("the image's Config.Healthcheck is absent (engine API), so it has no HEALTHCHECK");
    }
}
