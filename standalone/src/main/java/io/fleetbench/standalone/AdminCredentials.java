package io.fleetbench.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return new AdminCredentials(file, stored);
                }
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return new AdminCredentials(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read or create the admin password file " + file, e);
        }
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
