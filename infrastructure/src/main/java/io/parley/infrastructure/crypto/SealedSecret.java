package io.parley.infrastructure.crypto;

import java.util.Objects;

/** A secret as {@link AesGcmSecretBox} seals it: the id of the sealing key, the nonce, the ciphertext with its tag. */
public record SealedSecret(String keyId, byte[] nonce, byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
