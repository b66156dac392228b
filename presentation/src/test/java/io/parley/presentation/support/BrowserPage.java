package io.parley.presentation.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * One Chromium tab, driven over its flattened DevTools session: evaluates JavaScript, waits for
 * conditions, takes screenshots, and keeps what the page logged and threw for failure messages.
 */
public final class BrowserPage implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int MAX_QUOTED = 120;

    private final DevToolsConnection devTools;
    private final String targetId;
    private final String sessionId;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> exceptions = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();

    private BrowserPage(DevToolsConnection devTools, String targetId, String sessionId) {
        this.devTools = devTools;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    /** A new tab showing {@code url} once its load event fired, with console and exceptions recorded from the start. */
    static BrowserPage open(DevToolsConnection devTools, String url) {
        String targetId = devTools.call("Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String sessionId = devTools.call("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        BrowserPage page = new BrowserPage(devTools, targetId, sessionId);
        devTools.listen(sessionId, page::onEvent);
        page.call("Runtime.enable", Map.of());
        page.call("Page.enable", Map.of());
        page.call("Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        page.navigate(url);
        return page;
    }

    /** Loads {@code url} in this tab and waits for its load event. */
    public void navigate(String url) {
        JsonNode navigation = call("Page.navigate", Map.of("url", url));
        if (navigation.hasNonNull("errorText")) {
            throw failure("could not load " + url + ": " + navigation.get("errorText").asText());
        }
        try {
            load(navigation.get("loaderId").asText())
                    .get(DevToolsConnection.COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw failure(url + " did not finish loading within " + DevToolsConnection.COMMAND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while loading " + url, e);
        }
    }

    /**
     * The JSON value of {@code expression} (a promise is awaited), waiting at most the default command
     * timeout; {@code undefined} is a missing node. A JavaScript exception or rejection fails the test.
     */
    public JsonNode evaluate(String expression) {
        return evaluate(expression, DevToolsConnection.COMMAND_TIMEOUT);
    }

    /** As {@link #evaluate(String)}, for expressions (promises) that may take up to {@code timeout}. */
    public JsonNode evaluate(String expression, Duration timeout) {
        JsonNode evaluation = devTools.call(sessionId, "Runtime.evaluate",
                Map.of("expression", expression, "awaitPromise", true, "returnByValue", true), timeout);
        if (evaluation.has("exceptionDetails")) {
            throw failure("`" + shortened(expression) + "` threw " + describe(evaluation.get("exceptionDetails")));
        }
        return evaluation.path("result").path("value");
    }

    /**
     * Polls {@code expression} until it is {@code true}; fails with the page's console when time runs
     * out, and at once if the expression throws.
     */
    public void awaitTrue(String expression, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = evaluate(expression);
        while (!value.isBoolean() || !value.booleanValue()) {
            if (System.nanoTime() > deadline) {
                throw failure("`" + shortened(expression) + "` was not true within " + timeout
                        + "; last value: " + value);
            }
            pause();
            value = evaluate(expression);
        }
    }

    /** Writes a PNG of what the tab shows. */
    public void screenshot(Path png) {
        String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
        try {
            Files.write(png, Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + png, e);
        }
    }

    /** What the page logged through {@code console.*}, oldest first, as {@code "level: text"}. */
    public List<String> consoleMessages() {
        return List.copyOf(console);
    }

    /** The page's uncaught exceptions and unhandled rejections, oldest first. */
    public List<String> uncaughtExceptions() {
        return List.copyOf(exceptions);
    }

    /** An AssertionError saying {@code what}, followed by the page's console and uncaught exceptions. */
    public AssertionError failure(String what) {
        return new AssertionError(what
                + "\n-- console:\n" + String.join("\n", console)
                + "\n-- uncaught exceptions:\n" + String.join("\n", exceptions));
    }

    @Override
    public void close() {
        devTools.forget(sessionId);
        devTools.call("Target.closeTarget", Map.of("targetId", targetId));
    }

    private JsonNode call(String method, Map<String, ?> params) {
        return devTools.call(sessionId, method, params, DevToolsConnection.COMMAND_TIMEOUT);
    }

    private void onEvent(JsonNode event) {
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> console.add(params.path("type").asText() + ": "
                    + StreamSupport.stream(params.path("args").spliterator(), false)
                            .map(BrowserPage::text).collect(Collectors.joining(" ")));
            case "Runtime.exceptionThrown" -> exceptions.add(describe(params.path("exceptionDetails")));
            case "Page.lifecycleEvent" -> {
                if (params.path("name").asText().equals("load")) {
                    load(params.path("loaderId").asText()).complete(null);
                }
            }
            default -> {
            }
        }
    }

    private CompletableFuture<Void> load(String loaderId) {
        return loads.computeIfAbsent(loaderId, id -> new CompletableFuture<>());
    }

    private static String shortened(String expression) {
        String oneLine = expression.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
    }

    private static String describe(JsonNode exceptionDetails) {
        JsonNode exception = exceptionDetails.path("exception");
        return exception.has("description") ? exception.get("description").asText()
                : exception.has("value") ? exception.get("value").toString()
                : exceptionDetails.path("text").asText();
    }

    private static String text(JsonNode remoteObject) {
        if (remoteObject.has("value")) {
            JsonNode value = remoteObject.get("value");
            return value.isTextual() ? value.asText() : value.toString();
        }
        return remoteObject.has("description") ? remoteObject.get("description").asText()
                : remoteObject.path("type").asText();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling the page", e);
        }
    }
}
