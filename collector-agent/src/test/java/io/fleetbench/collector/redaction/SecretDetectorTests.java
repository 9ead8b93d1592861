package io.fleetbench.collector.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.snapshot.EnvVariable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DB_PASSWORD, name contains PASSWORD",
            "db_password, name contains PASSWORD",
            "dbPassword, name contains PASSWORD",
            "MYSQLPASSWORD, name contains PASSWORD",
            "POSTGRES_PASSWD, name contains PASSWD",
            "REDIS_PASS, name contains PASS",
            "GPG_PASSPHRASE, name contains PASSPHRASE",
            "CLIENT_SECRET, name contains SECRET",
            "GITHUB_TOKEN, name contains TOKEN",
            "com.example.deploy-token, name contains TOKEN",
            "STRIPE_API_KEY, name contains API_KEY",
            "apiKey, name contains API_KEY",
            "X_APIKEY, name contains APIKEY",
            "SSH_PRIVATE_KEY, name contains PRIVATE_KEY",
            "AWS_ACCESS_KEY_ID, name contains ACCESS_KEY",
            "AWS_SECRET_ACCESS_KEY, name contains SECRET",
            "GOOGLE_APPLICATION_CREDENTIALS, name contains CREDENTIALS",
            "REGISTRY_AUTH, name contains AUTH",
            "BASIC_AUTH_USERS, name contains AUTH",
            "JWT_SIGNING_KEY, name contains SIGNING_KEY",
    })
    void detectsSecretNames(String name, String reason) {
        assertThat(SecretDetector.secretReason(name, "x")).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATH", "HOME", "PWD", "PLAIN", "LANG", "JAVA_OPTS", "AUTHOR",
            "org.opencontainers.image.authors", "PASSTHROUGH_MODE", "KEYBOARD_LAYOUT", "TOKENIZER", "UPSTREAM_KEY_ID",
            "SERVER_PORT", "com.example.team", "TOKEN_URL", "OAUTH_TOKEN_ENDPOINT", "AUTH_HOST", "SECRETS_DIR"})
    void acceptsOrdinaryNames(String name) {
        assertThat(SecretDetector.secretReason(name, "ordinary")).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "-----BEGIN RSA PRIVATE KEY-----\\nMIIEow... | value looks like a PEM private key",
            "-----BEGIN OPENSSH PRIVATE KEY----- | value looks like a PEM private key",
            "-----BEGIN ENCRYPTED PRIVATE KEY----- | value looks like a PEM private key",
            "-----BEGIN PGP PRIVATE KEY BLOCK----- | value looks like a PEM private key",
            "AKIAQFLEETBENCHFIXTR | value looks like an AWS access key id",
            "key=ASIAY34FZKBOKMUTVV7A;region=eu | value looks like an AWS access key id",
            "ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8 | value looks like a GitHub token",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz | value looks like a GitHub token",
            "glpat-AbCdEfGhIjKlMnOpQrSt | value looks like a GitLab token",
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKl | value looks like a Slack token",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXX | value looks like a Slack webhook URL",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
                    + " | value looks like a JSON Web Token",
            "postgres://app:s3cr3t@db.internal:5432/app | value looks like a URL with a password",
            "redis://:s3cr3t@cache.internal:6379 | value looks like a URL with a password",
            "9fK2mQ7xL4pR8vT1wZ6bN3cH5jD0sA | value looks like a random token",
    })
    void detectsSecretValueShapes(String value, String reason) {
        assertThat(SecretDetector.secretReason("SETTING", value.replace("\\n", "\n"))).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "production", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "/run/secrets/token", "123e4567-e89b-12d3-a456-426614174000",
            "sha256:e8dbdbf1eb374e0e55c41e842ced60158eec6d14877ead708b35128904fd47b0",
            "3d1219c7c4c5404aaa1f6d2a48adfda43d1219c7", "https://example.com/path?query=1",
            "postgres://db.internal:5432/app", "-Xmx512m -XX:+UseG1GC", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "ThisIsAVeryLongCamelCaseIdentifierName1", "Version2Build3ReleaseCandidateForTesting"})
    void acceptsOrdinaryValues(String value) {
        assertThat(SecretDetector.secretReason("SETTING", value)).isNull();
    }

    @Test
    void fileReferenceIsNotSecretByName() {
        EnvVariable variable = SecretDetector.toEnvVariable("API_TOKEN_FILE=/run/secrets/token");

        assertThat(variable.name()).isEqualTo("API_TOKEN_FILE");
        assertThat(variable.fileReference()).isTrue();
        assertThat(variable.secretLike()).isFalse();
        assertThat(variable.secretReason()).isNull();
    }

    @Test
    void fileReferenceWithSecretValueIsFlagged() {
        EnvVariable variable = SecretDetector.toEnvVariable("KEY_FILE=-----BEGIN PRIVATE KEY-----");

        assertThat(variable.fileReference()).isTrue();
        assertThat(variable.secretLike()).isTrue();
        assertThat(variable.secretReason()).isEqualTo("value looks like a PEM private key");
    }

    @Test
    void emptyValueIsNotSecret() {
        EnvVariable variable = SecretDetector.toEnvVariable("DB_PASSWORD=");

        assertThat(variable.secretLike()).isFalse();
        assertThat(variable.secretReason()).isNull();
    }

    @Test
    void locatorNameWithCredentialUrlIsSecret() {
        EnvVariable variable = SecretDetector.toEnvVariable("TOKEN_URL=https://user:hunter2@login.example/token");

        assertThat(variable.secretLike()).isTrue();
        assertThat(variable.secretReason()).startsWith("value looks like");
    }

    @Test
    void envVariableKeepsNameOnly() {
        EnvVariable variable = SecretDetector.toEnvVariable("DB_PASSWORD=hunter2=with=equals");

        assertThat(variable.name()).isEqualTo("DB_PASSWORD");
        assertThat(variable.secretLike()).isTrue();
        assertThat(variable.secretReason()).isEqualTo("name contains PASSWORD");
        assertThat(variable.fileReference()).isFalse();
        assertThat(variable.toString()).doesNotContain("hunter2");
    }

    @Test
    void envEntryWithoutValueKeepsName() {
        EnvVariable variable = SecretDetector.toEnvVariable("UNSET_VARIABLE");

        assertThat(variable.name()).isEqualTo("UNSET_VARIABLE");
        assertThat(variable.secretLike()).isFalse();
    }

    @Test
    void envEntriesKeepTheirOrder() {
        assertThat(SecretDetector.toEnvVariables(new String[] {"B=1", "A=2", ""}))
                .extracting(EnvVariable::name)
                .containsExactly("B", "A");
        assertThat(SecretDetector.toEnvVariables(null)).isEmpty();
    }

    @Test
    void redactsSecretLookingLabelValues() {
        Map<String, String> labels = Map.of(
                "com.example.team", "payments",
                "com.example.deploy-token", "planted-label-value",
                "com.example.note", "AKIAQFLEETBENCHFIXTR");

        Map<String, String> redacted = SecretDetector.redactLabels(labels);

        assertThat(redacted).containsEntry("com.example.team", "payments");
        assertThat(redacted).containsEntry("com.example.deploy-token", SecretDetector.REDACTED);
        assertThat(redacted).containsEntry("com.example.note", SecretDetector.REDACTED);
        assertThat(redacted).hasSize(3);
    }

    @Test
    void wordPartsSplitSeparatorsAndCase() {
        assertThat(SecretDetector.wordParts("com.example.deploy-token")).containsExactly("COM", "EXAMPLE", "DEPLOY",
                "TOKEN");
        assertThat(SecretDetector.wordParts("myAPIKey")).containsExactly("MY", "API", "KEY");
        assertThat(SecretDetector.wordParts("DB_PASSWORD")).containsExactly("DB", "PASSWORD");
    }
}
