package io.fleetbench.rules.core.check.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.rules.core.check.secret.HistoryStepVariables.SecretVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Step texts as the agent sends them, after its redaction, for the builder forms the captured fixtures lack. */
class HistoryStepVariablesTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        // BuildKit puts the build-argument prefix after RUN.
        "RUN |2 GITHUB_TOKEN=[redacted] VERSION=[redacted] /bin/sh -c make # buildkit"
                + " => build argument GITHUB_TOKEN (name contains TOKEN)",
        "ENV DB_PASSWORD=[redacted] MODE=prod => ENV DB_PASSWORD (name contains PASSWORD)",
        "/bin/sh -c #(nop)  ENV DB_PASSWORD [redacted] => ENV DB_PASSWORD (name contains PASSWORD)",
        "ENV SESSION=[redacted] => ENV SESSION (value looks like a secret)",
        "LABEL \"com.example.deploy-token\"=[redacted] => LABEL com.example.deploy-token (name contains TOKEN)",
        "ARG NPM_TOKEN=[redacted] => ARG NPM_TOKEN (name contains TOKEN)",
        "RUN /bin/sh -c export API_TOKEN=[redacted] && make => API_TOKEN (name contains TOKEN)",
        "RUN /bin/sh -c curl -H [redacted] x => a value (value looks like a secret)",
        "/bin/sh -c #(nop)  ENV TOKEN_URL=[redacted] => ENV TOKEN_URL (value looks like a secret)",
        "|2 DB_PASSWORD=[redacted] SIGNING_KEY=[redacted] /bin/sh -c make"
                + " => build argument DB_PASSWORD (name contains PASSWORD)"
                + " | build argument SIGNING_KEY (name contains SIGNING_KEY)",
    })
    void findsSecretVariables(String createdBy, String expected) {
        assertThat(HistoryStepVariables.find(createdBy)).map(SecretVariable::describe)
                .containsExactly(expected.split(" \\| "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "ARG BUILD_TOKEN => no default, so nothing is set",
        "/bin/sh -c #(nop)  ARG VERSION=[redacted] => every ARG default is redacted",
        "|1 VERSION=[redacted] /bin/sh -c make => every build argument is redacted",
        "/bin/sh -c #(nop)  ENV API_TOKEN_FILE=/run/secrets/api-token => a file reference",
        "/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin => an ordinary name",
        "/bin/sh -c #(nop)  LABEL org.opencontainers.image.title=app => an ordinary label",
        "RUN /bin/sh -c ./configure --with-auth=[redacted] => an option, not a variable",
        "RUN /bin/sh -c unset TOKEN => no value",
        "'' => an empty step",
    })
    void ignoresOrdinarySteps(String createdBy, String reason) {
        assertThat(HistoryStepVariables.find(createdBy)).as(reason).isEmpty();
    }
}
