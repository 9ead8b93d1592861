package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ImageFacts;
import java.util.ArrayList;
import java.util.List;

/** A check that assesses every image on the host and reports one result per image. */
public abstract class ImageCheck implements Check {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.IMAGE;
    }

    @Override
    public final List<CheckResult> evaluate(CheckContext context) {
        if (context.images().isEmpty()) {
            return List.of(CheckResult.of(Target.host(),
                    Assessment.info("the host has no images, so there is nothing to check")));
        }
        List<ImageFacts> images = context.images();
        List<CheckResult> results = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            results.add(CheckResult.of(context.imageTarget(i), assess(images.get(i), context)));
        }
        return results;
    }

    /** Assesses one image; the reason names the deciding value and its source. */
    protected abstract Assessment assess(ImageFacts image, CheckContext context);
}
