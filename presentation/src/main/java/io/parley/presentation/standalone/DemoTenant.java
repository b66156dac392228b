package io.parley.presentation.standalone;

import io.parley.core.port.in.CreateTenantUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tenant a standalone node creates on its first start, so the demo page works with nothing configured;
 * its API key is kept, owner-readable only, in the data directory.
 */
@ApplicationScoped
public class DemoTenant {

    private static final String FILE = "demo-api-key";

    private final CreateTenantUseCase createTenant;
    private final Path file;
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
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!kept.isEmpty()) {
                apiKey = kept;
                return kept;
            }
        }
        String created = createTenant.create("Demo").apiKey().value();
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, created + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        apiKey = created;
        return created;
    }

    /** The key, once {@link #ensure()} has run on this node. */
    Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }
}
