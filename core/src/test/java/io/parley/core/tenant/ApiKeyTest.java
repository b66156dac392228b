package io.parley.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void generatedKeysAreUniquePrefixedAndHashStably() {
        ApiKey a = ApiKey.generate();
        ApiKey b = ApiKey.generate();
        assertThat(a.value()).startsWith("pk_").hasSize(46).isNotEqualTo(b.value());
        assertThat(a.hash()).hasSize(64).matches("[0-9a-f]+").isEqualTo(ApiKey.presented(a.value()).hash());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void neverShowsTheKeyInToString() {
        ApiKey key = ApiKey.generate();
        assertThat(key.toString()).doesNotContain(key.value().substring(3));
    }
}
