package io.fleetbench.standalone;

import java.nio.file.Path;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The standalone fleet's one API user. Its random password is created on the first run and kept in a file readable
 * only by its owner, so it is never printed or logged; the gateway receives only its bcrypt hash.
 */
final class AdminCredentials {

    static final String USER = "admin";
    private static final String FILE_NAME = "admin-password";

    private final Path file;
    private final String password;

    private AdminCredentials(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    static AdminCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        return new AdminCredentials(file, SecretFile.readOrCreate(file, 24, "admin password"));
    }

    Path file() {
        return file;
    }

    String password() {
        return password;
    }

    String bcryptHash() {
        return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
    }
}
