package io.parley.presentation.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.presentation.support.ScriptedTranscript.Word;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The JSON text frames {@code /v1/listen} sends, field for field and in Deepgram's order. Shapes
 * from deepgram-python-sdk {@code src/deepgram/listen/v1/types/listen_v1*.py} (Fern-generated from
 * Deepgram's AsyncAPI spec) and the examples in developers.deepgram.com/docs/live-streaming-audio,
 * /speech-started, /utterance-end and /close-stream. Times are seconds of audio received.
 */
final class ListenMessages {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double CONFIDENCE = 0.99;
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ListenOptions options;
    private final String requestId;
    private final String modelUuid = UUID.randomUUID().toString();

    ListenMessages(ListenOptions options, String requestId) {
        this.options = options;
        this.requestId = requestId;
    }

    String results(long startMillis, long endMillis, boolean isFinal, boolean speechFinal, boolean fromFinalize,
            List<Word> words) {
        ObjectNode alternative = JSON.objectNode()
                .put("transcript", words.stream().map(word -> options.punctuate() ? word.punctuated() : word.word())
                        .collect(Collectors.joining(" ")))
                .put("confidence", words.isEmpty() ? 0.0 : CONFIDENCE);
        ArrayNode wordNodes = alternative.putArray("words");
        for (Word word : words) {
            ObjectNode node = wordNodes.addObject().put("word", word.word())
                    .put("start", seconds(word.startMillis())).put("end", seconds(word.endMillis()))
                    .put("confidence", CONFIDENCE);
            if (options.punctuate()) {
                node.put("punctuated_word", word.punctuated());
            }
        }
        ObjectNode results = typed("Results");
        results.set("channel_index", channel());
        results.put("duration", seconds(endMillis - startMillis)).put("start", seconds(startMillis))
                .put("is_final", isFinal).put("speech_final", speechFinal);
        results.putObject("channel").putArray("alternatives").add(alternative);
        ObjectNode metadata = results.putObject("metadata").put("request_id", requestId);
        metadata.putObject("model_info").put("name", "general-" + options.model()).put("version", "2025-01-01.0")
                .put("arch", options.model());
        metadata.put("model_uuid", modelUuid);
        return results.put("from_finalize", fromFinalize).toString();
    }

    String speechStarted(long atMillis) {
        ObjectNode started = typed("SpeechStarted");
        started.set("channel", channel());
        return started.put("timestamp", seconds(atMillis)).toString();
    }

    String utteranceEnd(long lastWordEndMillis) {
        ObjectNode end = typed("UtteranceEnd");
        end.set("channel", channel());
        return end.put("last_word_end", seconds(lastWordEndMillis)).toString();
    }

    /** The summary sent after {@code CloseStream}, just before the socket closes. */
    String metadata(String sha256, Instant created, double durationSeconds) {
        return typed("Metadata").put("transaction_key", "deprecated").put("request_id", requestId)
                .put("sha256", sha256).put("created", CREATED.format(created)).put("duration", durationSeconds)
                .put("channels", options.channels()).toString();
    }

    private ArrayNode channel() {
        return JSON.arrayNode().add(0).add(options.channels());
    }

    private static ObjectNode typed(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
