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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OpenAI-compatible chat completions server on loopback that streams Server-Sent Events the way
 * the real API does ({@code data: <chunk>\n\n} ... {@code data: [DONE]\n\n}), or fails on demand.
 */
public class FakeOpenAiServer implements QuarkusTestResourceLifecycleManager {

    /** How the next requests are answered. */
    public enum Mode {
        /** "Hello world" in three deltas, 42 tokens. */
        STREAM,
        /** HTTP 500 with an OpenAI error body. */
        HTTP_ERROR,
        /** One delta, then silence for 5 s. */
        STALL,
        /** One delta, then the connection ends without a finish reason. */
        CUT_OFF,
        /** A long answer of {@link #answerWithChars} characters, 42 tokens. */
        LONG,
        /** Deltas of {@link #longText} until the client hangs up. */
        ENDLESS,
        /** "Hel", a NUL character, "lo". */
        NUL
    }

    /** Characters per content delta of a long answer. */
    public static final int LONG_CHUNK = 1000;
    /** The {@code max_tokens} the tests configure Parley to ask for. */
    public static final int MAX_TOKENS = 300;
    /** An endless answer stops here even if nobody hangs up, so that a broken client cannot spin the fake. */
    private static final long ENDLESS_CAP = 100_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Mode mode = Mode.STREAM;
    private static volatile long delayMillis;
    private static volatile long pauseMillis;
    private static volatile int longAnswerChars;
    private static volatile CompletableFuture<Long> hangUp = new CompletableFuture<>();
    private static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    public static void answer(Mode next) {
        mode = next;
    }

    /** The next answers are {@code chars} characters of {@link #longText}, in deltas of {@link #LONG_CHUNK}. */
    public static void answerWithChars(int chars) {
        longAnswerChars = chars;
        mode = Mode.LONG;
    }

    public static List<Recorded> requests() {
        return REQUESTS;
    }

    /** Streams every answer only after this long, as a busy model does. */
    public static void delayAnswers(Duration delay) {
        delayMillis = delay.toMillis();
    }

    /** Pauses this long after each delta of a long or endless answer, as a model writing as it thinks does. */
    public static void pauseBetweenDeltas(Duration pause) {
        pauseMillis = pause.toMillis();
    }

    /** Characters {@code from} to {@code from + length} of every long answer: the alphabet, over and over. */
    public static String longText(long from, int length) {
        StringBuilder text = new StringBuilder(length);
        for (long i = from; i < from + length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /**
     * Waits for a client to drop a long or endless answer before its end; returns how many characters
     * had been written by then, or fails when no client hung up in time.
     */
    public static long awaitHangUp(Duration timeout) {
        try {
            return hangUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the client did not hang up within " + timeout);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    public static void reset() {
        REQUESTS.clear();
        mode = Mode.STREAM;
        delayMillis = 0;
        pauseMillis = 0;
        hangUp = new CompletableFuture<>();
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
                "parley.llm.timeout", "2s",
                "parley.llm.max-tokens", Integer.toString(MAX_TOKENS));
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
            case STREAM -> stream(exchange, body.path("model").asText(), List.of("Hel", "lo", " world"));
            case NUL -> stream(exchange, body.path("model").asText(), List.of("Hel", "\\u0000lo"));
            case LONG -> streamLong(exchange, body.path("model").asText(), longAnswerChars);
            case ENDLESS -> streamLong(exchange, body.path("model").asText(), ENDLESS_CAP);
        }
    }

    /** Streams the pieces (JSON string contents) as deltas, then the finish reason, usage and [DONE]. */
    private void stream(HttpExchange exchange, String model, List<String> pieces) throws IOException {
        sleep(delayMillis);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            for (String piece : pieces) {
                out.write(chunk("{\"content\":\"" + piece + "\"}", null));
                out.flush();
            }
            finish(out, model);
        }
    }

    /** Streams {@code chars} characters of {@link #longText}; notes when the client hangs up before the end. */
    private void streamLong(HttpExchange exchange, String model, long chars) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        long sent = 0;
        try (OutputStream out = exchange.getResponseBody()) {
            while (sent < chars) {
                int length = (int) Math.min(LONG_CHUNK, chars - sent);
                out.write(chunk("{\"content\":\"" + longText(sent, length) + "\"}", null));
                out.flush();
                sent += length;
                sleep(pauseMillis);
            }
            finish(out, model);
        } catch (IOException hungUp) {
            hangUp.complete(sent);
        }
    }

    private static void finish(OutputStream out, String model) throws IOException {
        out.write(chunk("{}", "stop"));
        out.write(("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1710000000,"
                + "\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,"
                + "\"completion_tokens\":12,\"total_tokens\":42}}\n\n").getBytes(StandardCharsets.UTF_8));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
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
