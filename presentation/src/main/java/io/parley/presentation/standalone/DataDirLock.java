package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory of a standalone node, held for the life of the JVM: a second node started on the same
 * directory is refused before it touches the first one's servers.
 */
final class DataDirLock {

    private static final String FILE = "node.lock";

    /** Kept reachable for the life of the JVM; the operating system releases the lock when the JVM ends. */
    private static FileLock held;

    private DataDirLock() {
    }

    static synchronized void acquire(Path dataDir) throws IOException {
        Path file = Files.createDirectories(dataDir).toAbsolutePath().normalize().resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("another Parley node is running on " + file.getParent()
                    + ": stop it first, or give this one its own PARLEY_DATA_DIR");
        }
        held = lock;
    }
}
