package io.parley.infrastructure.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.core.StorableText;
import io.parley.core.agent.AgentReply;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Accumulates an OpenAI-style streamed chat completion: content deltas, finish reason and usage.
 * Content past {@code maxChars} is not taken: the answer is cut there and the stream should be dropped.
 */
final class ChatCompletionStream {

    static final String DONE = "[DONE]";

    private final ObjectMapper json;
    private final int maxChars;
    private final Consumer<String> onDelta;
    private final StringBuilder text = new StringBuilder();
    private long totalTokens;
    private boolean done;
    private boolean truncated;
    private String finishReason;

    ChatCompletionStream(ObjectMapper json, int maxChars, Consumer<String> onDelta) {
        this.json = json;
        this.maxChars = maxChars;
        this.onDelta = onDelta;
    }

    /** Takes one event's data; returns false once the stream signalled its end or the answer was cut. */
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
            if (!first.path("delta").path("content").isNull() && !content.isEmpty() && !take(content)) {
                return false;
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

    /** Appends and forwards a delta, or as much of it as fits and the marker; false when it did not fit. */
    private boolean take(String content) {
        String safe = StorableText.scrub(content);
        int room = maxChars - text.length();
        if (safe.length() <= room) {
            text.append(safe);
            onDelta.accept(safe);
            return true;
        }
        int cut = room > 0 && Character.isHighSurrogate(safe.charAt(room - 1)) ? room - 1 : room;
        text.append(safe, 0, cut);
        truncated = true;
        onDelta.accept(safe.substring(0, cut) + AgentReply.TRUNCATION_MARKER);
        return false;
    }

    /** Whether there is an answer to keep: the model finished ([DONE] or a finish reason), or it was cut. */
    boolean completed() {
        return done || finishReason != null || truncated;
    }

    /** The answer read so far: whole, or cut at {@code maxChars} and marked. */
    AgentReply reply() {
        return truncated ? AgentReply.truncated(text.toString(), totalTokens) : new AgentReply(text.toString(),
                totalTokens);
    }
}
