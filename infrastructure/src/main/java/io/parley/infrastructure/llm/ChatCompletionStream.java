package io.parley.infrastructure.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Consumer;

/** Accumulates an OpenAI-style streamed chat completion: content deltas, finish reason and usage. */
final class ChatCompletionStream {

    static final String DONE = "[DONE]";

    private final ObjectMapper json;
    private final Consumer<String> onDelta;
    private final StringBuilder text = new StringBuilder();
    private long totalTokens;
    private boolean done;
    private String finishReason;

    ChatCompletionStream(ObjectMapper json, Consumer<String> onDelta) {
        this.json = json;
        this.onDelta = onDelta;
    }

    /** Takes one event's data; returns false once the stream signalled its end. */
    boolean accept(String data) throws IOException {
        if (DONE.equals(data.strip())) {
            done = true;
            return false;
        }
        JsonNode chunk = json.readTree(data);
        if (chunk.has("error")) {
            throw new IOException("model reported an error: " + chunk.path("error").path("message").asText("unknown"));
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            JsonNode first = choices.get(0);
            String content = first.path("delta").path("content").asText("");
            if (!first.path("delta").path("content").isNull() && !content.isEmpty()) {
                text.append(content);
                onDelta.accept(content);
            }
            if (first.hasNonNull("finish_reason")) {
                finishReason = first.get("finish_reason").asText();
            }
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            totalTokens = usage.path("total_tokens").asLong(
                    usage.path("prompt_tokens").asLong(0) + usage.path("completion_tokens").asLong(0));
        }
        return true;
    }

    /** Whether the model finished: a [DONE] marker or a finish reason was seen. */
    boolean completed() {
        return done || finishReason != null;
    }

    String text() {
        return text.toString();
    }

    long totalTokens() {
        return totalTokens;
    }
}
