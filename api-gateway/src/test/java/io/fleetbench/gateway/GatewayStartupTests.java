package io.fleetbench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Starts the gateway application with invalid settings and checks that startup fails with a helpful message. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayStartupTests {

    private static final String VALID_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("password");

    @Test
    void failsWithoutUsers() {
        Throwable failure = start();

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("fleetbench.gateway.users")
                .contains("must list at least one user")
                .contains("htpasswd -nBC 10 '' | tr -d ':\\n'")
                .contains("{bcrypt}"));
    }

    @Test
    void rejectsPlainTextPassword(CapturedOutput output) {
        String plainPassword = "plain-text-secret-4711";

        Throwable failure = start("fleetbench.gateway.users[0].name=alice",
                "fleetbench.gateway.users[0].password-hash=" + plainPassword,
                "fleetbench.gateway.users[0].roles=ADMIN");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("fleetbench.gateway.users[0].password-hash of user 'alice' does not start with {bcrypt}")
                .contains("htpasswd"));
        assertThat(messages(failure)).noneSatisfy(message -> assertThat(message).contains(plainPassword));
        assertThat(output).doesNotContain(plainPassword);
    }

    @Test
    void rejectsTruncatedBcryptHash(CapturedOutput output) {
        String truncated = VALID_HASH.substring(0, VALID_HASH.length() - 5);

        Throwable failure = start("fleetbench.gateway.users[0].name=alice",
                "fleetbench.gateway.users[0].password-hash=" + truncated,
                "fleetbench.gateway.users[0].roles=VIEWER");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("fleetbench.gateway.users[0].password-hash of user 'alice' is not a valid bcrypt hash"));
        assertThat(output).doesNotContain(truncated.substring("{bcrypt}".length()));
    }

    @Test
    void rejectsNonHttpReportServiceUri() {
        Throwable failure = start("fleetbench.gateway.report-service-uri=ftp://report-service:8081",
                "fleetbench.gateway.users[0].name=alice",
                "fleetbench.gateway.users[0].password-hash=" + VALID_HASH,
                "fleetbench.gateway.users[0].roles=VIEWER");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("fleetbench.gateway.report-service-uri must be an absolute http or https URI"));
    }

    @Test
    void rejectsZeroRefillInterval() {
        Throwable failure = start("fleetbench.gateway.failed-logins.refill-interval=0s",
                "fleetbench.gateway.users[0].name=alice",
                "fleetbench.gateway.users[0].password-hash=" + VALID_HASH,
                "fleetbench.gateway.users[0].roles=VIEWER");

        assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                .contains("fleetbench.gateway.failed-logins.refill-interval must be positive"));
    }

    private static Throwable start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
                "server.port=0"));
        all.addAll(List.of(properties));
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiGatewayApplication.class)
                    .properties(all.toArray(String[]::new))
                    .run();
            context.close();
        });
        assertThat(failure).as("startup failure").isNotNull();
        return failure;
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            messages.add(String.valueOf(current.getMessage()));
        }
        return messages;
    }
}
