package io.parley.infrastructure.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens provider secrets with AES-256-GCM: a fresh 12-byte nonce per value, the id of the sealing key
 * kept beside it, and a context (the row and field the value belongs to) bound in as associated data.
 */
public final class AesGcmSecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    public AesGcmSecretBox(SecretKeys keys) {
        this.keys = keys;
    }

    public SealedSecret seal(String plaintext, String context) {
        String keyId = keys.currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, keys.key(keyId), nonce, context)
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new SealedSecret(keyId, nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the secret of " + context + " with key '" + keyId + "'", e);
        }
    }

    /** The plaintext; an unknown key id, another key under the id, or another context: an error without the value. */
    public String open(SealedSecret sealed, String context) {
        SecretKey key = keys.key(sealed.keyId());
        try {
            byte[] plaintext = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce(), context).doFinal(sealed.ciphertext());
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the secret of " + context + " does not open with key '" + sealed.keyId()
                    + "': that key differs from the one that sealed it, or the value was copied from another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the secret of " + context + " with key '" + sealed.keyId()
                    + "'", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
