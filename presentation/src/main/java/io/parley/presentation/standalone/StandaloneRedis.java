package io.parley.presentation.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the binary shipped in embedded-redis) run by the node on a free loopback port. It
 * holds only the fast-moving shared state, which a single node rebuilds, so nothing is persisted.
 */
final class StandaloneRedis implements AutoCloseable {

    private static final int KEPT_OUTPUT_LINES = 20;
    private static final long READY_TIMEOUT_SECONDS = 30;
    private static final String READY = "Ready to accept connections";

    private final Process process;
    private final int port;
    /** redis-server's last lines of output, for the error when it does not start. */
    private final Deque<String> lastOutput = new ArrayDeque<>();

    private StandaloneRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Extracts the binary under {@code dataDir} (once) and starts it, stopping one a crashed node left behind. */
    static StandaloneRedis start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir).toAbsolutePath().normalize();
        Path pidFile = dir.resolve("redis.pid");
        LeftoverProcess.stop(pidFile, "redis-server", dir);
        Path binaries = Files.createDirectories(dir.resolve("bin"));
        Path executable = ExecutableProvider.newJarResourceProvider(binaries.toFile()).get().toPath();
        int port = LoopbackPorts.free();
        // setsid: its own session, so a Ctrl-C in the terminal reaches the JVM (which drains, then stops Redis)
        // and not Redis directly; setsid execs in place, so the process is still this one to stop.
        Process process = new ProcessBuilder(List.of("setsid", executable.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--dir", dir.toString(), "--pidfile", pidFile.toString()))
                .redirectErrorStream(true)
                .start();
        StandaloneRedis redis = new StandaloneRedis(process, port);
        redis.awaitReady();
        return redis;
    }

    /** The Redis URL for the node's client. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    private void awaitReady() throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> forwardOutput(ready), "parley-standalone-redis-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while redis-server started", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException("redis-server did not start on 127.0.0.1:" + port + ": " + e.getMessage()
                    + "; its last output:\n" + String.join("\n", lastOutput()), e);
        }
    }

    /** Reads redis-server's output: completes {@code ready} on its ready line, keeps the last lines. */
    private void forwardOutput(CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (lastOutput) {
                    if (lastOutput.size() == KEPT_OUTPUT_LINES) {
                        lastOutput.removeFirst();
                    }
                    lastOutput.addLast(line);
                }
                if (line.contains(READY)) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IOException("redis-server exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    private List<String> lastOutput() {
        synchronized (lastOutput) {
            return List.copyOf(lastOutput);
        }
    }

    /** Stops redis-server (SIGTERM, then SIGKILL if it does not go within 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
