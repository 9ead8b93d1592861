package io.fleetbench.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fleetbench.gateway.GatewayProperties.Role;
import io.fleetbench.gateway.GatewayProperties.User;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ConfiguredUsersTests {

    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void mapsRolesToAuthorities() {
        List<UserDetails> users = ConfiguredUsers.toUserDetails(List.of(
                new User("alice", HASH, Set.of(Role.ADMIN, Role.VIEWER))));

        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.getUsername()).isEqualTo("alice");
            assertThat(user.getPassword()).isEqualTo(HASH);
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                    .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_VIEWER");
        });
    }

    @Test
    void acceptsHtpasswdStyleHash() {
        // htpasswd -B writes the $2y$ variant; Spring Security's BCryptPasswordEncoder reads it.
        String htpasswdHash = HASH.replace("{bcrypt}$2a$", "{bcrypt}$2y$");

        assertThat(ConfiguredUsers.toUserDetails(List.of(new User("bob", htpasswdHash, Set.of(Role.VIEWER)))))
                .hasSize(1);
    }

    @Test
    void rejectsNamesDifferingOnlyInCase() {
        List<User> users = List.of(
                new User("alice", HASH, Set.of(Role.VIEWER)),
                new User("Alice", HASH, Set.of(Role.ADMIN)));

        assertThatExceptionOfType(InvalidUsersException.class)
                .isThrownBy(() -> ConfiguredUsers.toUserDetails(users))
                .withMessage("fleetbench.gateway.users[1].name 'Alice' repeats the name of fleetbench.gateway.users[0], "
                        + "and names are case-insensitive. Give each user a distinct name.");
    }

    @Test
    void rejectsNoopPasswordWithoutEchoingIt() {
        List<User> users = List.of(new User("carol", "{noop}hunter2", Set.of(Role.VIEWER)));

        assertThatExceptionOfType(InvalidUsersException.class)
                .isThrownBy(() -> ConfiguredUsers.toUserDetails(users))
                .withMessageStartingWith("fleetbench.gateway.users[0].password-hash of user 'carol' does not start "
                        + "with {bcrypt}")
                .withMessageNotContaining("hunter2");
    }

    @Test
    void rejectsEmptyUserList() {
        assertThatExceptionOfType(InvalidUsersException.class)
                .isThrownBy(() -> ConfiguredUsers.toUserDetails(List.of()))
                .withMessageStartingWith("fleetbench.gateway.users is empty");
    }

    @Test
    void keepsHashOutOfToString() {
        User user = new User("dave", HASH, Set.of(Role.VIEWER));

        assertThat(user.toString()).isEqualTo("User[name=dave, roles=[VIEWER]]");
    }
}
