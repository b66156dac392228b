package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stops a server process that a node killed without warning left running, found through its pid file. */
final class LeftoverProcess {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private LeftoverProcess() {
    }

    /**
     * When {@code pidFile} names a live process that is {@code executable} working on {@code dataDir} (its command
     * line names both, so a recycled pid is left alone), asks it to stop (SIGTERM), waits for it, and kills it if
     * it does not go; then removes the pid file.
     */
    static void stop(Path pidFile, String executable, Path dataDir) throws IOException {
        String ownDir = dataDir.toAbsolutePath().normalize().toString();
        Optional<ProcessHandle> leftover = running(pidFile)
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains(executable) && line.contains(ownDir)).orElse(false));
        if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            LauncherLog.warn("standalone: stopping " + executable + " (pid " + process.pid()
                    + ") left running by an earlier node that did not shut down");
            process.destroy();
            try {
                process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                process.destroyForcibly();
                process.onExit().join();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<ProcessHandle> running(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }
}
