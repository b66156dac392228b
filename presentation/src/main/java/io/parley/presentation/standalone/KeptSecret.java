package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** A secret a standalone node keeps in one file of its data dir: owner-readable only, written whole or not at all. */
final class KeptSecret {

    private KeptSecret() {
    }

    /** The secret in {@code file}, when the file exists and holds one. */
    static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
    }

    /** Writes {@code value} to {@code file}: created mode 600 beside it, then moved into place atomically. */
    static void write(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, value + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
