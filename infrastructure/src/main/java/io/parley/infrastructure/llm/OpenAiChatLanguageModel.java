package io.parley.infrastructure.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentReply;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.LanguageModel;
import io.parley.infrastructure.config.ParleyConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Agents of kind "llm": streams {@code POST {base-url}/chat/completions} with {@code stream:true}
 * from any OpenAI-compatible server, forwarding content deltas as they arrive. The whole call,
 * streaming included, must finish within {@code parley.llm.timeout}; an answer longer than
 * {@code parley.llm.max-answer-chars} is cut there and the stream closed.
 */
@ApplicationScoped
public class OpenAiChatLanguageModel implements LanguageModel {

    private final ParleyConfig.Llm config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "parley-llm-deadlines");
        t.setDaemon(true);
        return t;
    });

    public OpenAiChatLanguageModel(ParleyConfig config, ObjectMapper json) {
        this.config = config.llm();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public AgentKind kind() {
        return AgentKind.LLM;
    }

    @Override
    public AgentReply reply(AgentPrompt prompt, Consumer<String> onDelta) throws AgentUnavailableException {
        String baseUrl = config.baseUrl().orElseThrow(() -> new AgentUnavailableException(
                "no language model configured (parley.llm.base-url)"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(baseUrl) + "/chat/completions"))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody(prompt), StandardCharsets.UTF_8));
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Closing the body before its end (a cut answer) drops the connection, so the server can stop generating.
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new AgentUnavailableException("model answered HTTP " + response.statusCode());
                }
                ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                    timedOut.set(true);
                    closeQuietly(body);
                }, config.timeout().toMillis(), TimeUnit.MILLISECONDS);
                try {
                    return readStream(body, onDelta);
                } finally {
                    deadline.cancel(false);
                }
            }
        } catch (IOException e) {
            throw new AgentUnavailableException(timedOut.get() ? "model timed out" : "model call failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentUnavailableException("interrupted while waiting for the model", e);
        }
    }

    private AgentReply readStream(InputStream body, Consumer<String> onDelta)
            throws IOException, AgentUnavailableException {
        ChatCompletionStream stream = new ChatCompletionStream(json, config.maxAnswerChars(), onDelta);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        IOException[] failure = new IOException[1];
        ServerSentEvents.read(reader, data -> {
            try {
                return stream.accept(data);
            } catch (IOException e) {
                failure[0] = e;
                return false;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!stream.completed()) {
            throw new AgentUnavailableException("model stream ended before it finished");
        }
        return stream.reply();
    }

    private String requestBody(AgentPrompt prompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", prompt.agent().model().orElse(config.model()));
        body.put("max_tokens", config.maxTokens());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        if (!prompt.agent().systemPrompt().isBlank()) {
            messages.addObject().put("role", "system").put("content", prompt.agent().systemPrompt());
        }
        for (Turn turn : prompt.context()) {
            messages.addObject().put("role", turn.role().name().toLowerCase(Locale.ROOT)).put("content", turn.text());
        }
        return body.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the stream closed and reports the timeout
        }
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
    }
}
