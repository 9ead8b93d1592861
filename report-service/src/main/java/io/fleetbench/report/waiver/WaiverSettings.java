package io.fleetbench.report.waiver;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Waiver settings under {@code fleetbench.report.waivers}.
 *
 * @param maxDuration longest time from creation to expiry that a waiver may ask for
 * @param expiryInterval time between two runs of the job that re-opens the findings of expired waivers. Reads
 *     ignore an expired waiver at once, whether the job has run or not
 */
public record WaiverSettings(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("365d") Duration maxDuration,
        @NotNull @DurationMin(millis = 100) @DefaultValue("1m") Duration expiryInterval) {
}
