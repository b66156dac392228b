package io.parley.presentation.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium process with a throwaway profile: it reads the DevTools address from the
 * process's stderr, and on close (or, as a last resort, at JVM exit) kills the browser with all its
 * child processes and deletes the profile.
 */
final class ChromiumProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final int LOG_LINES_KEPT = 40;
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path profile;
    private final Thread shutdownHook;
    private final Deque<String> logTail = new ArrayDeque<>();
    private final CompletableFuture<URI> endpoint = new CompletableFuture<>();

    private ChromiumProcess(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        this.shutdownHook = new Thread(this::destroy, "chromium-cleanup-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Thread reader = new Thread(this::readStderr, "chromium-stderr-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code binary} with {@code flags} plus a fresh profile directory and a DevTools port of its choosing. */
    static ChromiumProcess start(Path binary, List<String> flags) {
        Path profile = temporaryProfile();
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(flags);
        command.add("--remote-debugging-port=0");
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new ChromiumProcess(process, profile);
        } catch (IOException e) {
            deleteTree(profile);
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    /** The browser's DevTools WebSocket address, once Chromium has printed it. */
    URI endpoint(Duration timeout) {
        try {
            return endpoint.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("Chromium printed no DevTools address within " + timeout + "; stderr:\n" + log());
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Chromium started", e);
        }
    }

    /** The browser process and every process it started, as they are now. */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** The last lines Chromium wrote to stderr, for failure messages. */
    String log() {
        synchronized (logTail) {
            return String.join("\n", logTail);
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: nothing left to undo
        }
    }

    private void readStderr() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                remember(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    endpoint.complete(URI.create(listening.group(1)));
                }
            }
        } catch (IOException streamClosed) {
            // the process is gone; the exit below says so
        }
        endpoint.completeExceptionally(new AssertionError(
                "Chromium exited before printing its DevTools address; stderr:\n" + log()));
    }

    private void remember(String line) {
        synchronized (logTail) {
            if (logTail.size() == LOG_LINES_KEPT) {
                logTail.removeFirst();
            }
            logTail.addLast(line);
        }
    }

    private synchronized void destroy() {
        List<ProcessHandle> tree = processes();
        process.destroy();
        awaitExit(process.toHandle());
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        tree.forEach(ChromiumProcess::awaitExit);
        deleteTree(profile);
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillRunning) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("parley-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a profile directory for Chromium", e);
        }
    }

    private static void deleteTree(Path profile) {
        if (!Files.exists(profile)) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete Chromium's profile " + profile, e);
        }
    }
}
