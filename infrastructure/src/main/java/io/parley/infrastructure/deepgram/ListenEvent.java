package io.parley.infrastructure.deepgram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * A message from {@code /v1/listen}, as far as recognition needs it. Times are milliseconds of the
 * audio this socket received (Deepgram counts seconds from the socket's first audio byte).
 */
sealed interface ListenEvent {

    ObjectReader JSON = new ObjectMapper().reader();

    /**
     * A transcript: interim ({@code isFinal} false) or a finalized segment, maybe an endpoint too. Its words
     * span {@code startMillis} to {@code endMillis}; the audio it covers ends at {@code coveredToMillis}.
     */
    record Results(String transcript, boolean isFinal, boolean speechFinal, boolean fromFinalize, long startMillis,
            long endMillis, long coveredToMillis) implements ListenEvent {
    }

    /** Voice activity began ({@code vad_events=true}). */
    record SpeechStarted(long atMillis) implements ListenEvent {
    }

    /** No word for {@code utterance_end_ms} after the last one. */
    record UtteranceEnd(long lastWordEndMillis) implements ListenEvent {
    }

    /** Metadata and anything else recognition does not act on. */
    record Other(String type) implements ListenEvent {
    }

    static ListenEvent parse(String text) throws IOException {
        JsonNode json = JSON.readTree(text);
        String type = json.path("type").asText("");
        return switch (type) {
            case "Results" -> results(json);
            case "SpeechStarted" -> new SpeechStarted(millis(json.path("timestamp")));
            case "UtteranceEnd" -> new UtteranceEnd(millis(json.path("last_word_end")));
            default -> new Other(type);
        };
    }

    /** Words time the segment when there are any; else the result's own span. */
    private static Results results(JsonNode json) {
        JsonNode alternative = json.path("channel").path("alternatives").path(0);
        JsonNode words = alternative.path("words");
        long start = millis(json.path("start"));
        long end = start + millis(json.path("duration"));
        long covered = end;
        if (words.isArray() && !words.isEmpty()) {
            start = millis(words.get(0).path("start"));
            end = millis(words.get(words.size() - 1).path("end"));
        }
        return new Results(alternative.path("transcript").asText("").strip(), json.path("is_final").asBoolean(),
                json.path("speech_final").asBoolean(), json.path("from_finalize").asBoolean(), start, end, covered);
    }

    private static long millis(JsonNode seconds) {
        return Math.round(seconds.asDouble(0) * 1000);
    }
}
