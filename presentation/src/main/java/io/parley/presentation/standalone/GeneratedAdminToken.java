package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The admin token a standalone node generates on its first start and keeps, owner-readable only, in its data dir. */
public final class GeneratedAdminToken {

    private static final String FILE = "admin-token";

    private final String value;
    private final Path file;
    private final boolean fresh;

    private GeneratedAdminToken(String value, Path file, boolean fresh) {
        this.value = value;
        this.file = file;
        this.fresh = fresh;
    }

    /** Reads the token kept under {@code dataDir}, or generates (256 random bits) and keeps one. */
    public static GeneratedAdminToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!kept.isEmpty()) {
                return new GeneratedAdminToken(kept, file, false);
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = "pat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(dataDir);
        Path partial = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, token + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new GeneratedAdminToken(token, file, true);
    }

    public String value() {
        return value;
    }

    /** Where the token is kept. */
    public Path file() {
        return file;
    }

    /** True when this start generated it (so it is shown once). */
    public boolean fresh() {
        return fresh;
    }
}
