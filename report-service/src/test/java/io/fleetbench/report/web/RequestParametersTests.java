package io.fleetbench.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.ReportProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class RequestParametersTests {

    /** Binds the defaults of every setting, so the test keeps compiling when settings are added. */
    private final RequestParameters parameters = new RequestParameters(new Binder(
            new MapConfigurationPropertySource(Map.of("fleetbench.report.max-page-size", "1000")))
            .bindOrCreate("fleetbench.report", ReportProperties.class));

    @Test
    void limitDefaultsWhenAbsent() {
        assertThat(parameters.limit(null)).isEqualTo(100);
        assertThat(parameters.limit(" ")).isEqualTo(100);
        assertThat(parameters.limit("1000")).isEqualTo(1000);
    }

    @Test
    void limitAboveMaximumIsRejected() {
        assertThatThrownBy(() -> parameters.limit("1001"))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> {
                    ProblemDetail problem = error.getBody();
                    assertThat(problem.getProperties())
                            .containsEntry("parameter", "limit")
                            .containsEntry("value", "1001");
                    assertThat(problem.getDetail()).contains("1 to 1000");
                });
    }

    @Test
    void statusesParseCaseInsensitively() {
        assertThat(parameters.statuses(null)).isEmpty();
        assertThat(parameters.statuses(List.of("warn", " NOTE ", "")))
                .containsExactlyInAnyOrder(Status.WARN, Status.NOTE);
    }

    @Test
    void unknownStatusIsRejected() {
        assertThatThrownBy(() -> parameters.statuses(List.of("WARN", "FAIL")))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> {
                    assertThat(error.getBody().getProperties()).containsEntry("value", "FAIL");
                    assertThat(error.getBody().getDetail()).contains("PASS, WARN, INFO or NOTE");
                });
    }

    @Test
    void cursorsRoundTrip() {
        String hostCursor = RequestParameters.encodeHostCursor("host-a.example:1");
        String transitionCursor = RequestParameters.encodeTransitionCursor(42);

        assertThat(parameters.hostCursor(hostCursor)).isEqualTo("host-a.example:1");
        assertThat(parameters.transitionCursor(transitionCursor)).isEqualTo(42L);
        assertThat(parameters.hostCursor(null)).isNull();
        assertThat(parameters.transitionCursor("")).isNull();
    }

    @Test
    void cursorOfOtherListIsRejected() {
        String hostCursor = RequestParameters.encodeHostCursor("host-a");

        assertThatThrownBy(() -> parameters.transitionCursor(hostCursor))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        error -> assertThat(error.getBody().getProperties()).containsEntry("parameter", "cursor"));
        assertThatThrownBy(() -> parameters.hostCursor("%%%")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void malformedHostIdIsRejected() {
        assertThat(parameters.hostId("host-a")).isEqualTo("host-a");
        assertThatThrownBy(() -> parameters.hostId("-host"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.getBody().getProperties()).containsEntry("parameter", "hostId"));
    }
}
