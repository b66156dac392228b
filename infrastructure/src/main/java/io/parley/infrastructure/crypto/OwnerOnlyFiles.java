package io.parley.infrastructure.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/** Makes a generated key file readable and writable by its owner only, where the file system can say so. */
final class OwnerOnlyFiles {

    private static final Logger LOG = Logger.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // e.g. a Windows file system: it has no POSIX permissions to set
            LOG.debugf("no POSIX permissions on the file system of %s; its permissions are left as they are", file);
        }
    }
}
