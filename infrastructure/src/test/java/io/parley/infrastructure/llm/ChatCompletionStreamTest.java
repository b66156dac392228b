package io.parley.infrastructure.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses streams shaped exactly like OpenAI's chat.completion.chunk Server-Sent Events. */
class ChatCompletionStreamTest {

    private final ObjectMapper json = new ObjectMapper();

    private ChatCompletionStream read(String wire, List<String> deltas) throws IOException {
        return read(wire, 1000, deltas);
    }

    private ChatCompletionStream read(String wire, int maxChars, List<String> deltas) throws IOException {
        ChatCompletionStream stream = new ChatCompletionStream(json, maxChars, deltas::add);
        feed(wire, data -> {
            try {
                return stream.accept(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return stream;
    }

    /** Feeds the wire to the decoder seven bytes at a time, as a network might cut it (even inside a character). */
    private static void feed(String wire, java.util.function.Predicate<String> onData) {
        byte[] bytes = wire.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ServerSentEvents events = new ServerSentEvents(onData);
        for (int i = 0; i < bytes.length; i += 7) {
            events.feed(io.vertx.core.buffer.Buffer.buffer(java.util.Arrays.copyOfRange(bytes, i,
                    Math.min(bytes.length, i + 7))));
        }
        events.end();
    }

    @Test
    void concatenatesDeltasAndReadsUsageFromTheFinalChunk() throws IOException {
        String wire = """
                : keep-alive comment

                data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}

                data:{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}

                data: [DONE]

                data: {"never":"read"}

                """;
        List<String> deltas = new ArrayList<>();
        ChatCompletionStream stream = read(wire, deltas);
        assertThat(deltas).containsExactly("Hel", "lo");
        assertThat(stream.reply().text()).isEqualTo("Hello");
        assertThat(stream.reply().tokens()).isEqualTo(11);
        assertThat(stream.reply().truncated()).isFalse();
        assertThat(stream.completed()).isTrue();
    }

    @Test
    void toleratesNullChoicesAndMissingUsage() throws IOException {
        String wire = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"length\"}]}\n\n"
                + "data: {\"choices\":null}\n\n";
        ChatCompletionStream stream = read(wire, new ArrayList<>());
        assertThat(stream.reply().text()).isEqualTo("Hi");
        assertThat(stream.reply().tokens()).isZero();
        assertThat(stream.completed()).isTrue();
    }

    @Test
    void aStreamCutOffMidwayIsNotCompleted() throws IOException {
        ChatCompletionStream stream = read("data: {\"choices\":[{\"delta\":{\"content\":\"Hal\"},"
                + "\"finish_reason\":null}]}\n\n", new ArrayList<>());
        assertThat(stream.completed()).isFalse();
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() throws IOException {
        List<String> payloads = new ArrayList<>();
        feed("data: {\"a\":\ndata: 1}\n\n", payloads::add);
        assertThat(payloads).containsExactly("{\"a\":\n1}");
    }

    @Test
    void charactersCutBetweenChunksAndCrLfLinesDecodeWhole() {
        List<String> payloads = new ArrayList<>();
        feed("data: h\u00e9llo \u20ac \ud83d\ude00\r\n\r\ndata: last", payloads::add);
        assertThat(payloads).containsExactly("h\u00e9llo \u20ac \ud83d\ude00", "last");
    }

    @Test
    void anErrorObjectInTheStreamFails() {
        ChatCompletionStream stream = new ChatCompletionStream(json, 1000, d -> { });
        assertThatThrownBy(() -> stream.accept("{\"error\":{\"message\":\"quota\"}}"))
                .isInstanceOf(IOException.class).hasMessageContaining("quota");
    }

    private static String content(String... pieces) {
        StringBuilder wire = new StringBuilder();
        for (String piece : pieces) {
            wire.append("data: {\"choices\":[{\"delta\":{\"content\":\"").append(piece)
                    .append("\"},\"finish_reason\":null}]}\n\n");
        }
        return wire.append("data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")
                .append("data: [DONE]\n\n").toString();
    }

    @Test
    void anAnswerPastTheLimitIsCutThereMarkedAndNoMoreIsRead() throws IOException {
        List<String> deltas = new ArrayList<>();
        ChatCompletionStream stream = read(content("abcd", "efgh", "ijkl"), 6, deltas);
        assertThat(deltas).containsExactly("abcd", "ef […]");
        assertThat(stream.reply().text()).isEqualTo("abcdef […]");
        assertThat(stream.reply().truncated()).isTrue();
        assertThat(stream.completed()).isTrue();
    }

    @Test
    void anAnswerExactlyAtTheLimitIsWhole() throws IOException {
        List<String> deltas = new ArrayList<>();
        ChatCompletionStream stream = read(content("abc", "def"), 6, deltas);
        assertThat(deltas).containsExactly("abc", "def");
        assertThat(stream.reply().text()).isEqualTo("abcdef");
        assertThat(stream.reply().truncated()).isFalse();
    }

    @Test
    void aCutNeverSplitsASurrogatePair() throws IOException {
        ChatCompletionStream stream = read(content("ab\\ud83d\\ude00cd"), 3, new ArrayList<>());
        assertThat(stream.reply().text()).isEqualTo("ab […]");
    }

    @Test
    void nulInModelOutputIsReplacedInDeltasAndAnswer() throws IOException {
        List<String> deltas = new ArrayList<>();
        ChatCompletionStream stream = read(content("a\\u0000b"), 1000, deltas);
        assertThat(deltas).containsExactly("a\uFFFDb");
        assertThat(stream.reply().text()).isEqualTo("a\uFFFDb");
    }
}
