package io.fleetbench.report.stream;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transition stream under {@code fleetbench.report.stream}.
 *
 * @param pollInterval time between two reads of new transitions for each open stream
 * @param heartbeatInterval time between two SSE comments on an idle stream, which keep proxies from closing it
 */
public record StreamSettings(
        @NotNull @DurationMin(millis = 50) @DefaultValue("1s") Duration pollInterval,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("15s") Duration heartbeatInterval) {
}
