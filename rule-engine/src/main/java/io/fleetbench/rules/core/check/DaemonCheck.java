package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.TargetKind;
import java.util.List;

/** A check of the daemon's configuration, which reports one result on the {@code daemon} target. */
public abstract class DaemonCheck implements Check {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.DAEMON;
    }

    @Override
    public final List<CheckResult> evaluate(CheckContext context) {
        return List.of(CheckResult.of(Target.daemon(), assess(context)));
    }

    /** Assesses the daemon; the reason names the deciding setting and whether it came from daemon.json or the engine. */
    protected abstract Assessment assess(CheckContext context);
}
