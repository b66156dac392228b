package io.parley.presentation.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket to Chromium's browser-wide DevTools endpoint, speaking the Chrome DevTools Protocol:
 * each command gets an id and waits (within a timeout) for the answer carrying it; events go to the
 * listener of the flattened target session they name.
 */
final class DevToolsConnection implements WebSocket.Listener, AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "";

    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile String closed;

    private DevToolsConnection() {
    }

    /** Connects to the {@code ws://…/devtools/browser/…} address Chromium printed. */
    static DevToolsConnection open(URI endpoint) {
        DevToolsConnection connection = new DevToolsConnection();
        try {
            connection.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(COMMAND_TIMEOUT)
                    .buildAsync(endpoint, connection)
                    .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not connect to Chromium's DevTools at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while connecting to " + endpoint, e);
        }
        return connection;
    }

    /** Runs a browser-level command and returns its {@code result}. */
    JsonNode call(String method, Map<String, ?> params) {
        return call(BROWSER, method, params, COMMAND_TIMEOUT);
    }

    /** Runs a command in a target's session (from Target.attachToTarget) and returns its {@code result}. */
    JsonNode call(String sessionId, String method, Map<String, ?> params, Duration timeout) {
        int id = ids.incrementAndGet();
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", JSON.valueToTree(params));
        if (!sessionId.equals(BROWSER)) {
            command.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            send(command.toString());
            return result(method, answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new AssertionError("Chromium did not answer " + method + " within " + timeout);
        } catch (ExecutionException e) {
            throw new AssertionError(method + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method, e);
        } finally {
            answers.remove(id);
        }
    }

    /** Hands every event of the session to {@code listener} (on the socket's thread: it must not call back). */
    void listen(String sessionId, Consumer<JsonNode> listener) {
        listeners.put(sessionId, listener);
    }

    /** Stops handing the session's events to its listener. */
    void forget(String sessionId) {
        listeners.remove(sessionId);
    }

    private synchronized void send(String text) throws ExecutionException, InterruptedException, TimeoutException {
        if (closed != null) {
            throw new ExecutionException(new IllegalStateException("the DevTools socket is closed: " + closed));
        }
        socket.sendText(text, true).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static JsonNode result(String method, JsonNode answer) {
        JsonNode error = answer.get("error");
        if (error != null) {
            throw new AssertionError(method + " failed: " + error.path("message").asText()
                    + (error.has("data") ? " (" + error.get("data").asText() + ")" : ""));
        }
        return answer.path("result");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            dispatch(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chromium sent something that is not JSON: " + text, e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = answers.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else {
            Consumer<JsonNode> listener = listeners.get(message.path("sessionId").asText(BROWSER));
            if (listener != null) {
                listener.accept(message);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        fail("closed by Chromium with " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        fail("broken: " + error);
    }

    private void fail(String why) {
        closed = why;
        IllegalStateException failure = new IllegalStateException("the DevTools socket is " + why);
        answers.values().forEach(answer -> answer.completeExceptionally(failure));
    }

    @Override
    public void close() {
        if (closed == null) {
            closed = "closed by the test";
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
        }
    }
}
