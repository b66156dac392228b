package io.parley.presentation.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.presentation.support.Parley;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the JavaScript client's Node test suite (clients/js/test) against this test node. */
@QuarkusTest
class JsClientTest {

    private static final long TIMEOUT_SECONDS = 180;

    @TestHTTPResource("/")
    URL base;

    @Test
    void theJavaScriptClientSuitePasses() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "--experimental-websocket", "--test", "clients/js/test/")
                .directory(Path.of("..").toAbsolutePath().normalize().toFile())
                .redirectErrorStream(true);
        builder.environment().put("PARLEY_URL", base.toString());
        builder.environment().put("PARLEY_ADMIN_TOKEN", Parley.ADMIN_TOKEN);
        Process node = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean finished = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor();
        }
        String printed = output.join();
        assertThat(finished).withFailMessage("node --test did not finish within %d s:%n%s", TIMEOUT_SECONDS, printed)
                .isTrue();
        assertThat(node.exitValue()).withFailMessage("node --test failed (exit %d):%n%s", node.exitValue(), printed)
                .isZero();
        assertThat(printed).withFailMessage("tests were skipped (they need PARLEY_URL):%n%s", printed)
                .contains("# skipped 0");
    }
}
