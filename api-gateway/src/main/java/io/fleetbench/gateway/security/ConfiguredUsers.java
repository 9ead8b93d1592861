package io.fleetbench.gateway.security;

import io.fleetbench.gateway.GatewayProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Turns {@code fleetbench.gateway.users} into Spring Security users, and rejects entries whose password is not a
 * bcrypt hash. Error messages name the entry and the user but never the configured value, because a value that
 * fails the check may be a plain-text password.
 */
final class ConfiguredUsers {

    /** The prefix that selects bcrypt in Spring Security's delegating password encoder. */
    static final String BCRYPT_PREFIX = "{bcrypt}";

    /** A bcrypt hash in modular crypt format, as {@code BCryptPasswordEncoder} accepts it: 2a, 2b or 2y. */
    private static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

    private static final String HASH_HELP = "Create the hash with: htpasswd -nBC 10 '' | tr -d ':\\n' "
            + "and write it with the prefix " + BCRYPT_PREFIX + ".";

    private ConfiguredUsers() {
    }

    /**
     * Converts and checks the configured users.
     *
     * @throws InvalidUsersException if a password hash is not a {@code {bcrypt}} hash, or if two users share a name,
     *     compared without case as Spring Security's in-memory user store does
     */
    static List<UserDetails> toUserDetails(List<GatewayProperties.User> users) {
        if (users.isEmpty()) {
            throw new InvalidUsersException("fleetbench.gateway.users is empty. Configure at least one user. "
                    + HASH_HELP);
        }
        List<UserDetails> details = new ArrayList<>(users.size());
        Map<String, Integer> indexByName = new HashMap<>();
        for (int index = 0; index < users.size(); index++) {
            GatewayProperties.User user = users.get(index);
            String key = "fleetbench.gateway.users[" + index + "]";

            Integer earlier = indexByName.putIfAbsent(user.name().toLowerCase(Locale.ROOT), index);
            if (earlier != null) {
                throw new InvalidUsersException(key + ".name '" + user.name() + "' repeats the name of "
                        + "fleetbench.gateway.users[" + earlier + "], and names are case-insensitive. Give each user "
                        + "a distinct name.");
            }
            requireBcryptHash(key, user);

            details.add(User.withUsername(user.name())
                    .password(user.passwordHash())
                    .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
                    .build());
        }
        return details;
    }

    private static void requireBcryptHash(String key, GatewayProperties.User user) {
        String hash = user.passwordHash();
        if (!hash.startsWith(BCRYPT_PREFIX)) {
            throw new InvalidUsersException(key + ".password-hash of user '" + user.name() + "' does not start with "
                    + BCRYPT_PREFIX + ". Only bcrypt hashes are accepted, never plain-text passwords. " + HASH_HELP);
        }
        if (!BCRYPT_HASH.matcher(hash.substring(BCRYPT_PREFIX.length())).matches()) {
            throw new InvalidUsersException(key + ".password-hash of user '" + user.name() + "' is not a valid "
                    + "bcrypt hash after the " + BCRYPT_PREFIX + " prefix (expected $2a$, $2b$ or $2y$, a two-digit "
                    + "cost and 53 characters). " + HASH_HELP);
        }
    }
}
