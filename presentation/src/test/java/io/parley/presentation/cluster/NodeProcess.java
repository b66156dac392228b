package io.parley.presentation.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A separate OS process of the test: a Parley node from the built jar, or a private redis-server. */
final class NodeProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static NodeProcess parley(String name, int port, Map<String, String> env, Path logs) throws Exception {
        NodeProcess node = start(name, port, env, logs);
        node.awaitHttp(port, "/q/health/live", Duration.ofSeconds(60));
        return node;
    }

    /** Starts a Parley node from the built jar without waiting for it to serve; its output goes to {name}.log. */
    static NodeProcess start(String name, int port, Map<String, String> env, Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Xmx256m", "-jar", System.getProperty("parley.it.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new NodeProcess(name, builder.start());
    }

    static NodeProcess redis(int port, Path logs) throws IOException {
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("redis-" + port + ".log").toFile()))
                .start();
        NodeProcess redis = new NodeProcess("redis", process);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return redis;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on " + port);
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: a graceful stop. */
    void terminate() {
        process.destroy();
    }

    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The exit status of a process that has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Everything the process wrote so far. */
    String output(Path logs) throws IOException {
        return Files.readString(logs.resolve(name + ".log"));
    }

    static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitHttp(int port, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            if (status(port, path) == 200) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " did not answer on " + port);
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** The database the tests use: the test profile's, when the environment overrides it, else parley_test. */
    static String testDatabaseUrl() {
        String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://localhost:5432/parley_test" : url;
    }

    /** A fresh RSA private key (PKCS#8 PEM) that all nodes of a test cluster share. */
    static Path sharedSigningKey() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        Path file = Files.createTempFile("parley-it-key", ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");
        file.toFile().deleteOnExit();
        return file;
    }

    static Path logDirectory() throws IOException {
        return Files.createDirectories(Path.of("target", "it-logs"));
    }
}
