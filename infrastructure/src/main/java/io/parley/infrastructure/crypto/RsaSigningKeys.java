package io.parley.infrastructure.crypto;

import io.parley.infrastructure.config.ParleyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.jboss.logging.Logger;

/**
 * The RSA key pair that signs access tokens: read from the configured PEM files, or generated once
 * under the data directory and reused on later starts. Every node of a cluster must share it.
 */
@ApplicationScoped
public class RsaSigningKeys {

    private static final Logger LOG = Logger.getLogger(RsaSigningKeys.class);
    private static final int KEY_BITS = 2048;

    private final KeyPair keyPair;

    public RsaSigningKeys(ParleyConfig config) {
        this.keyPair = load(config);
    }

    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    private static KeyPair load(ParleyConfig config) {
        try {
            if (config.jwt().privateKeyLocation().isPresent()) {
                PrivateKey privateKey = PemKeys.decodePrivate(Files.readString(config.jwt().privateKeyLocation().get()));
                PublicKey publicKey = config.jwt().publicKeyLocation().isPresent()
                        ? PemKeys.decodePublic(Files.readString(config.jwt().publicKeyLocation().get()))
                        : PemKeys.publicOf(privateKey);
                return new KeyPair(publicKey, privateKey);
            }
            if (config.jwt().publicKeyLocation().isPresent()) {
                throw new IllegalStateException("parley.jwt.public-key-location is set without "
                        + "parley.jwt.private-key-location; set both, or neither to use a generated pair");
            }
            return generatedUnder(config.dataDir().resolve("jwt"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JWT signing keys: " + e.getMessage(), e);
        }
    }

    private static KeyPair generatedUnder(Path dir) throws IOException, GeneralSecurityException {
        Path privatePath = dir.resolve("private-key.pem");
        Path publicPath = dir.resolve("public-key.pem");
        if (Files.exists(privatePath) && Files.exists(publicPath)) {
            LOG.infof("Using the JWT key pair generated earlier in %s", dir.toAbsolutePath());
            return new KeyPair(PemKeys.decodePublic(Files.readString(publicPath)),
                    PemKeys.decodePrivate(Files.readString(privatePath)));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(KEY_BITS);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "private", ".tmp");
        OwnerOnlyFiles.restrict(tmp);
        Files.writeString(tmp, PemKeys.encodePrivate(pair.getPrivate()));
        Files.writeString(publicPath, PemKeys.encodePublic(pair.getPublic()));
        Files.move(tmp, privatePath, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.infof("Generated a new RSA key pair for signing access tokens in %s; every node of a cluster "
                + "must use the same pair (set parley.jwt.private-key-location)", dir.toAbsolutePath());
        return pair;
    }

}
