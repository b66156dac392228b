package io.parley.infrastructure.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.core.agent.AgentKind;
import io.parley.core.agent.AgentPrompt;
import io.parley.core.agent.AgentUnavailableException;
import io.parley.core.agent.ReplyListener;
import io.parley.core.agent.ReplyStream;
import io.parley.core.conversation.Turn;
import io.parley.core.port.out.LanguageModel;
import io.parley.infrastructure.config.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Agents of kind "llm": streams {@code POST {base-url}/chat/completions} with {@code stream:true} from
 * any OpenAI-compatible server over a non-blocking HTTP client, forwarding content deltas as they
 * arrive; no thread waits for the model. The whole call, streaming included, must finish within
 * {@code parley.llm.timeout}; a reply can be cancelled at any moment, which closes its HTTP stream.
 */
@Singleton
public class OpenAiChatLanguageModel implements LanguageModel {

    private final ParleyConfig.Llm config;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final HttpClient http;

    public OpenAiChatLanguageModel(ParleyConfig config, ObjectMapper json, Vertx vertx) {
        this.config = config.llm();
        this.json = json;
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true)
                .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(Math.max(16,
                        config.agent().maxConcurrentAnswers())));
    }

    @Override
    public AgentKind kind() {
        return AgentKind.LLM;
    }

    @Override
    public ReplyStream reply(AgentPrompt prompt, ReplyListener listener) {
        if (config.baseUrl().isEmpty()) {
            listener.onFailure(new AgentUnavailableException("no language model configured (parley.llm.base-url)"));
            return ReplyStream.FINISHED;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(stripSlash(config.baseUrl().get()) + "/chat/completions")
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "text/event-stream");
        config.apiKey().ifPresent(key -> options.putHeader("Authorization", "Bearer " + key));
        OpenAiReply reply = new OpenAiReply(listener, json, config.maxAnswerChars(), vertx);
        reply.start(http, options, requestBody(prompt), config.timeout().toMillis());
        return reply;
    }

    private String requestBody(AgentPrompt prompt) {
        ObjectNode body = json.createObjectNode();
        body.put("model", prompt.agent().model().orElse(config.model()));
        body.put("stream", true);
        body.put("max_tokens", config.maxTokens());
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

    @PreDestroy
    void stop() {
        http.close();
    }
}
