package io.parley.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** A tenant API key in clear text: shown once at creation, otherwise only its hash is kept. */
public final class ApiKey {

    public static final String PREFIX = "pk_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /** A fresh key with 256 bits of randomness. */
    public static ApiKey generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new ApiKey(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Wraps a key presented by a client; format is not trusted, only its hash is compared. */
    public static ApiKey presented(String value) {
        return new ApiKey(value == null ? "" : value.strip());
    }

    public String value() {
        return value;
    }

    /** SHA-256 of the key, hex encoded: what is stored and looked up. Keys are random, so no salt is needed. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
