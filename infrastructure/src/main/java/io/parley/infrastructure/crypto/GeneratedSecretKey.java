package io.parley.infrastructure.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * The key a node seals provider secrets with while {@code parley.crypto.keys} is unset: generated once under the
 * data directory (owner-only, in the {@code parley.crypto.keys} format) and read back on later starts.
 */
public final class GeneratedSecretKey {

    private static final Logger LOG = Logger.getLogger(GeneratedSecretKey.class);
    private static final String FILE = "secret-keys";

    private GeneratedSecretKey() {
    }

    /** The keys from {@code dir}/secret-keys, written there first if it does not exist yet. */
    public static SecretKeys under(Path dir) {
        Path file = dir.resolve(FILE).toAbsolutePath();
        try {
            if (Files.exists(file)) {
                LOG.infof("Sealing provider secrets with the key generated earlier in %s; every node of a cluster "
                        + "needs the same key: set parley.crypto.keys to this file's content on each", file);
                return SecretKeys.parse(Files.readString(file).strip(), file.toString());
            }
            String spec = generate();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            OwnerOnlyFiles.restrict(tmp);
            Files.writeString(tmp, spec + "\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated a key for sealing provider secrets in %s; every node of a cluster needs the same "
                    + "key: set parley.crypto.keys to this file's content on each", file);
            return SecretKeys.parse(spec, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the secret key file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[4];
        byte[] key = new byte[32];
        random.nextBytes(id);
        random.nextBytes(key);
        return "node-" + HexFormat.of().formatHex(id) + ":" + Base64.getEncoder().encodeToString(key);
    }

}
