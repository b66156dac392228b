package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat completions server on loopback that streams Server-Sent Events the way
 * the real API does ({@code data: <chunk>\n\n} ... {@code data: [DONE]\n\n}), or fails on demand.
 */
public class FakeOpenAiServer implements QuarkusTestResourceLifecycleManager {

    /** How the next requests are answered. */
    public enum Mode { STREAM, HTTP_ERROR, STALL, CUT_OFF }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Mode mode = Mode.STREAM;
    private static volatile long delayMillis;
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    public static void answer(Mode next) {
        mode = next;
    }

    public static List<Recorded> requests() {
        return REQUESTS;
    }

    /** Streams every answer only after this long, as a busy model does. */
    public static void delayAnswers(java.time.Duration delay) {
        delayMillis = delay.toMillis();
    }

    public static void reset() {
        REQUESTS.clear();
        mode = Mode.STREAM;
        delayMillis = 0;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
        return Map.of("parley.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "parley.llm.api-key", "sk-test-key",
                "parley.llm.timeout", "2s");
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        REQUESTS.add(new Recorded(exchange.getRequestHeaders().getFirst("Authorization"), body));
        switch (mode) {
            case HTTP_ERROR -> {
                byte[] error = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
            }
            case STALL -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(chunk("{\"role\":\"assistant\",\"content\":\"Thinking\"}", null));
                out.flush();
                sleep(5_000);
                exchange.close();
            }
            case CUT_OFF -> {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(chunk("{\"role\":\"assistant\",\"content\":\"Hal\"}", null));
                exchange.close();
            }
            case STREAM -> stream(exchange, body.path("model").asText());
        }
    }

    private void stream(HttpExchange exchange, String model) throws IOException {
        sleep(delayMillis);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (String piece : List.of("Hel", "lo", " world")) {
                out.write(chunk("{\"content\":\"" + piece + "\"}", null));
                out.flush();
            }
            out.write(chunk("{}", "stop"));
            out.write(("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1710000000,"
                    + "\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,"
                    + "\"completion_tokens\":12,\"total_tokens\":42}}\n\n").getBytes(StandardCharsets.UTF_8));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] chunk(String delta, String finishReason) {
        return ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1710000000,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request the fake received. */
    public record Recorded(String authorization, JsonNode body) {
    }
}
