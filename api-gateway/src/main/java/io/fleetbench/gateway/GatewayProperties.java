package io.fleetbench.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the API gateway, under {@code fleetbench.gateway}.
 *
 * @param reportServiceUri the report service's base URI, which receives every request under {@code /api/} with path
 *     and query unchanged
 * @param users the accounts allowed to call the API, each with a bcrypt password hash and its roles
 * @param rateLimit the per-user request rate limit
 * @param failedLogins the limits on failed HTTP Basic logins per client address and per user name
 * @param reportServiceToken the secret sent to the report service in {@code X-Fleetbench-Gateway-Token}, equal to its
 *     {@code fleetbench.report.gateway-token}. Blank or absent, no such header is sent
 */
@ConfigurationProperties("fleetbench.gateway")
@Validated
public record GatewayProperties(
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI reportServiceUri,
        @NotEmpty(message = "must list at least one user. Set fleetbench.gateway.users[0].name, "
                + "fleetbench.gateway.users[0].password-hash and fleetbench.gateway.users[0].roles (VIEWER or ADMIN). "
                + "Create the hash with: htpasswd -nBC 10 '' | tr -d ':\\\\n' and write it with the prefix "
                + "\\{bcrypt\\}") @Nullable List<@Valid User> users,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid FailedLogins failedLogins,
        @Nullable String reportServiceToken) {

    /** Returns the configured users, or an empty list where none are set, which validation rejects at startup. */
    @Override
    public List<User> users() {
        return users == null ? List.of() : users;
    }

    /** Describes the settings without the report service token's value, so that the token stays out of logs. */
    @Override
    public String toString() {
        return "GatewayProperties[reportServiceUri=" + reportServiceUri + ", users=" + users
                + ", rateLimit=" + rateLimit + ", failedLogins=" + failedLogins + ", reportServiceToken="
                + (reportServiceToken == null || reportServiceToken.isBlank() ? "(not set)" : "(set)") + "]";
    }

    /** Checked by Bean Validation, which treats this method as the property {@code reportServiceUriHttp}. */
    @AssertTrue(message = "fleetbench.gateway.report-service-uri must be an absolute http or https URI with a host, "
            + "such as http://report-service:8081")
    boolean isReportServiceUriHttp() {
        if (reportServiceUri == null) {
            return true;
        }
        String scheme = reportServiceUri.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        return http && reportServiceUri.getHost() != null;
    }

    /**
     * One API account.
     *
     * @param name the user name sent in HTTP Basic authentication
     * @param passwordHash the password as a bcrypt hash with the {@code {bcrypt}} prefix, never as plain text
     * @param roles the roles granted to the user
     */
    public record User(@NotBlank String name, @NotBlank String passwordHash, @NotEmpty Set<Role> roles) {

        /** Describes the user without the password hash, so that the hash stays out of logs and error messages. */
        @Override
        public String toString() {
            return "User[name=" + name + ", roles=" + roles + "]";
        }
    }

    /** A set of API permissions granted to a user. */
    public enum Role {

        /** Reads the API: GET and HEAD requests under {@code /api/}. */
        VIEWER,

        /** Uses every method under {@code /api/}, including changes such as waivers. */
        ADMIN
    }

    /**
     * A token bucket per authenticated user: each request takes one token, and tokens come back at a fixed rate up to
     * the burst size.
     *
     * @param requestsPerSecond the sustained number of requests per second each user may send
     * @param burst the number of requests a user may send at once after a quiet period
     */
    public record RateLimit(@DefaultValue("10") @Positive double requestsPerSecond, @DefaultValue("20") @Positive int burst) {
    }

    /**
     * Token buckets of failed HTTP Basic logins, one per client address and one per user name, because each failed
     * login costs a bcrypt check. A failed login takes a token from both buckets. A login is rejected with 429 before
     * its password is checked while its address has no token left, or while its user name has none and its address
     * has failed recently.
     *
     * @param perAddress the failed logins one client address may make in a row
     * @param perUserName the failed logins for one user name, from all addresses together, allowed in a row
     * @param refillInterval the time after which one more failed login is allowed, per address and per user name
     * @param maxTrackedKeys the maximum number of addresses, and of user names, with recent failures to keep buckets
     *     for. Beyond it, the buckets that have refilled are dropped first, then arbitrary ones.
     */
    public record FailedLogins(
            @DefaultValue("10") @Positive int perAddress,
            @DefaultValue("20") @Positive int perUserName,
            @DefaultValue("6s") @NotNull Duration refillInterval,
            @DefaultValue("10000") @Positive int maxTrackedKeys) {

        /** Checked by Bean Validation as the property {@code refillIntervalPositive}. */
        @AssertTrue(message = "fleetbench.gateway.failed-logins.refill-interval must be positive, such as 6s")
        boolean isRefillIntervalPositive() {
            return refillInterval == null || (!refillInterval.isNegative() && !refillInterval.isZero());
        }
    }
}
