package io.parley.infrastructure.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSecretKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsGeneratedOnceOwnerOnlyAndReadBackOnTheNextStart() throws Exception {
        Path dir = dataDir.resolve("crypto");
        SecretKeys first = GeneratedSecretKey.under(dir);
        Path file = dir.resolve("secret-keys");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).startsWith(first.currentId() + ":");

        SecretKeys again = GeneratedSecretKey.under(dir);
        assertThat(again.currentId()).isEqualTo(first.currentId());
        assertThat(again.key(again.currentId())).isEqualTo(first.key(first.currentId()));
        SealedSecret sealed = new AesGcmSecretBox(first).seal("a-secret-value-1", "row");
        assertThat(new AesGcmSecretBox(again).open(sealed, "row")).isEqualTo("a-secret-value-1");
    }
}
