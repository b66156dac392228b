package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** The admin token a standalone node generates on its first start and keeps, owner-readable only, in its data dir. */
final class GeneratedAdminToken {

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
    static GeneratedAdminToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE);
        Optional<String> kept = KeptSecret.read(file);
        if (kept.isPresent()) {
            return new GeneratedAdminToken(kept.get(), file, false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = "pat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeptSecret.write(file, token);
        return new GeneratedAdminToken(token, file, true);
    }

    String value() {
        return value;
    }

    /** Where the token is kept. */
    Path file() {
        return file;
    }

    /** True when this start generated it (so it is shown once). */
    boolean fresh() {
        return fresh;
    }
}
