package io.parley.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {

    private static final String KEY = AesGcmSecretBoxTest.randomKey();

    @Test
    void theFirstKeySealsAndEveryKeyIsKnownById() {
        String other = AesGcmSecretBoxTest.randomKey();
        SecretKeys keys = SecretKeys.parse(" new:" + other + " , old:" + KEY, "parley.crypto.keys");
        assertThat(keys.currentId()).isEqualTo("new");
        assertThat(keys.key("old").getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY));
        assertThat(keys.key("new").getAlgorithm()).isEqualTo("AES");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no colon            | KEY                | entry 1 is not id:base64-of-32-bytes",
            "empty id            | :KEY               | entry 1 has an id that is not",
            "bad id              | a b:KEY            | entry 1 has an id that is not",
            "bad base64          | k1:not*base64      | entry 1 (id 'k1') is not valid base64",
            "16 bytes            | k1:SHORT           | entry 1 (id 'k1') decodes to 16 bytes; keys must be 32 bytes",
            "trailing comma      | k1:KEY,            | entry 2 is not id:base64-of-32-bytes",
            "repeated id         | k1:KEY,k1:KEY      | entry 2 repeats the key id 'k1'"})
    void aMalformedValueIsRejectedNamingTheEntryButNeverTheKey(String name, String spec, String reason) {
        String value = spec.replace("KEY", KEY).replace("SHORT", "AAECAwQFBgcICQoLDA0ODw==");
        assertThatThrownBy(() -> SecretKeys.parse(value, "parley.crypto.keys"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parley.crypto.keys: ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining(KEY)
                .hasNoCause();
    }
}
