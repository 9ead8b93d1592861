package io.fleetbench.collector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistoryRedactionTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        // Classic builder: build arguments before the shell.
        "|2 DB_PASSWORD=pl4nted-Secret HTTP_PORT=8080 /bin/sh -c echo built"
                + " => |2 DB_PASSWORD=[redacted] HTTP_PORT=[redacted] /bin/sh -c echo built",
        // BuildKit: the same prefix after RUN.
        "RUN |1 TOKEN=abc /bin/sh -c make # buildkit => RUN |1 TOKEN=[redacted] /bin/sh -c make # buildkit",
        "/bin/sh -c #(nop)  ARG DB_PASSWORD=default-pass => /bin/sh -c #(nop)  ARG DB_PASSWORD=[redacted]",
        "ARG VERSION=1.2.3 => ARG VERSION=[redacted]",
        "/bin/sh -c #(nop)  ENV API_KEY=k-123 MODE=prod => /bin/sh -c #(nop)  ENV API_KEY=[redacted] MODE=prod",
        "ENV DB_PASSWORD=hunter2 => ENV DB_PASSWORD=[redacted]",
        "/bin/sh -c #(nop)  ENV DB_PASSWORD hunter2 with space => /bin/sh -c #(nop)  ENV DB_PASSWORD [redacted]",
        "ENV PATH=/usr/local/bin:/usr/bin => ENV PATH=/usr/local/bin:/usr/bin",
        "/bin/sh -c #(nop)  CMD [\"/bin/sleep\" \"600\"] => /bin/sh -c #(nop)  CMD [\"/bin/sleep\" \"600\"]",
        "RUN /bin/sh -c curl -H ghp_abcdefghijklmnopqrstuvwxyz0123456789 x"
                + " => RUN /bin/sh -c curl -H [redacted] x",
        "'' => ''",
    })
    void createdByRedacted(String createdBy, String expected) {
        assertThat(HistoryRedaction.redact(createdBy)).isEqualTo(expected);
    }
}
