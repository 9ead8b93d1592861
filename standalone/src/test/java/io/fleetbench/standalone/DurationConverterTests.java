package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTests {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void acceptsUnitsAndIsoDurations() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("PT30S")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void numberWithoutUnitIsNamed() {
        assertThatThrownBy(() -> converter.convert("5"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'5' is not a duration")
                .hasMessageContaining("30s");
    }
}
