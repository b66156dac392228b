package io.parley.presentation.standalone;

import io.parley.core.port.in.CreateTenantUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenant a standalone node creates on its first start, so the demo page works with nothing configured;
 * its API key is kept, owner-readable only, in the data directory, and handed to the page only with this
 * start's page secret (printed in the demo page's address, never stored).
 */
@ApplicationScoped
public class DemoTenant {

    private static final String FILE = "demo-api-key";

    private final CreateTenantUseCase createTenant;
    private final Path file;
    private final String pageSecret = newSecret();
    private volatile String apiKey;

    public DemoTenant(CreateTenantUseCase createTenant, @ConfigProperty(name = "parley.data-dir") Path dataDir) {
        this.createTenant = createTenant;
        this.file = dataDir.toAbsolutePath().normalize().resolve(FILE);
    }

    /** Reads the kept key, or creates the tenant (with the default scripted agent) and keeps its key. */
    synchronized String ensure() throws IOException {
        if (apiKey != null) {
            return apiKey;
        }
        Optional<String> kept = KeptSecret.read(file);
        if (kept.isPresent()) {
            apiKey = kept.get();
            return apiKey;
        }
        String created = createTenant.create("Demo").apiKey().value();
        KeptSecret.write(file, created);
        apiKey = created;
        return created;
    }

    /** This start's secret that the demo page must present to be given the key. */
    String pageSecret() {
        return pageSecret;
    }

    /** Whether {@code presented} is this start's page secret (compared in constant time). */
    boolean isPageSecret(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                pageSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
