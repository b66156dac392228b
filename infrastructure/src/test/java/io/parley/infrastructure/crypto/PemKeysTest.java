package io.parley.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class PemKeysTest {

    @Test
    void keysSurviveAPemRoundTripAndThePublicKeyCanBeDerived() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String privatePem = PemKeys.encodePrivate(pair.getPrivate());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(PemKeys.decodePrivate(privatePem)).isEqualTo(pair.getPrivate());
        assertThat(PemKeys.decodePublic(PemKeys.encodePublic(pair.getPublic()))).isEqualTo(pair.getPublic());
        assertThat(PemKeys.publicOf(PemKeys.decodePrivate(privatePem))).isEqualTo(pair.getPublic());
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> PemKeys.decodePrivate("hello")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> PemKeys.decodePublic("-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----"))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
