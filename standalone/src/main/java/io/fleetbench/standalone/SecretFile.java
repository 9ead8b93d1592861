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

/** A random secret kept in a file of the data folder that only its owner can read or write (mode 0600). */
final class SecretFile {

    private SecretFile() {
    }

    /**
     * Reads the secret stored in {@code file}, or creates the file with a new one: {@code randomBytes} bytes from
     * {@link SecureRandom} in unpadded base64url. A missing or blank file gets a new secret.
     *
     * @param description what the secret is, for the error message, such as "admin password"
     * @throws UncheckedIOException when the file cannot be read or created
     */
    static String readOrCreate(Path file, int randomBytes, String description) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            byte[] random = new byte[randomBytes];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Created with mode 0600 before the secret is written, so that no other user can open it in between.
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read or create the " + description + " file " + file
                    + ": check that the data folder is writable by this user, or choose another with --data-dir", e);
        }
    }
}
