package io.parley.presentation.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a server process that a node killed without warning left running, found through its pid file. */
final class LeftoverProcess {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private LeftoverProcess() {
    }

    /**
     * When {@code pidFile} names a live process that is {@code executable} working on {@code dataDir} (its command
     * line names both), asks it to stop (SIGTERM), waits for it, and kills it if it does not go; then removes the
     * pid file. A live process the pid file names that is not that one is left alone, and the start refused.
     */
    static void stop(Path pidFile, String executable, Path dataDir) throws IOException {
        Optional<ProcessHandle> alive = running(pidFile);
        if (alive.isPresent()) {
            ProcessHandle process = alive.get();
            String ownDir = dataDir.toAbsolutePath().normalize().toString();
            boolean ours = process.info().commandLine()
                    .map(line -> line.contains(executable) && line.contains(ownDir)).orElse(false);
            if (!ours) {
                throw new IOException(pidFile + " names process " + process.pid() + ", which is running but is not "
                        + executable + " on " + ownDir + ": stop it, or remove the file if it is not a " + executable);
            }
            LauncherLog.warn("standalone: stopping " + executable + " (pid " + process.pid()
                    + ") left running by an earlier node that did not shut down");
            stopWithin(process);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stopWithin(ProcessHandle process) throws IOException {
        process.destroy();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping process " + process.pid(), e);
        } catch (ExecutionException | TimeoutException stillRunning) {
            process.destroyForcibly();
        }
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping process " + process.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("process " + process.pid() + " could not be stopped", e);
        }
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
