package io.parley.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretBoxTest {

    private static final String K1 = "k1:" + randomKey();
    private static final String K2 = "k2:" + randomKey();
    private static final String TOKEN = "f3b1c9d2e8a7406b9c5d1e2f3a4b5c6d";
    private static final String ROW = "telephony_accounts:tenant-a:twilio:authToken";

    @Test
    void aSealedSecretOpensWithItsKeyAndContext() {
        AesGcmSecretBox box = box(K1);
        SealedSecret sealed = box.seal(TOKEN, ROW);
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        assertThat(sealed.ciphertext()).hasSize(TOKEN.length() + 16);
        assertThat(box.open(sealed, ROW)).isEqualTo(TOKEN);
    }

    @Test
    void everySealUsesAFreshNonce() {
        AesGcmSecretBox box = box(K1);
        SealedSecret first = box.seal(TOKEN, ROW);
        SealedSecret second = box.seal(TOKEN, ROW);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aSecretMovedToAnotherRowDoesNotOpenAndTheErrorHidesIt() {
        SealedSecret sealed = box(K1).seal(TOKEN, ROW);
        assertThatThrownBy(() -> box(K1).open(sealed, "telephony_accounts:tenant-b:twilio:authToken"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant-b").hasMessageContaining("'k1'")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anotherKeyUnderTheSameIdDoesNotOpenIt() {
        SealedSecret sealed = box(K1).seal(TOKEN, ROW);
        assertThatThrownBy(() -> box("k1:" + randomKey()).open(sealed, ROW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not open with key 'k1'");
    }

    @Test
    void aKeyIdThatIsNotConfiguredIsNamedInTheError() {
        SealedSecret sealed = box(K1).seal(TOKEN, ROW);
        assertThatThrownBy(() -> box(K2).open(sealed, ROW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id 'k1'").hasMessageContaining("configured: k2")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(K1.substring(3));
    }

    @Test
    void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        SealedSecret old = box(K1).seal(TOKEN, ROW);
        AesGcmSecretBox rotated = box(K2 + "," + K1);
        assertThat(rotated.open(old, ROW)).isEqualTo(TOKEN);
        SealedSecret resealed = rotated.seal(TOKEN, ROW);
        assertThat(resealed.keyId()).isEqualTo("k2");
        assertThat(box(K2).open(resealed, ROW)).isEqualTo(TOKEN);
    }

    private static AesGcmSecretBox box(String keys) {
        return new AesGcmSecretBox(SecretKeys.parse(keys, "test keys"));
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
