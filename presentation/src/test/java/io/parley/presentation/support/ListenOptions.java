package io.parley.presentation.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v1/listen} query parameters the fake acts on, with Deepgram's defaults: endpointing
 * 10 ms ({@code endpointing=false} turns it off), no interim results, no VAD events, no
 * punctuation, one channel. Sources: developers.deepgram.com/docs/endpointing, /interim-results,
 * /utterance-end, /speech-started, /encoding.
 *
 * @param encoding empty when missing or not one the fake can decode (linear16, mulaw, alaw)
 * @param sampleRate 0 when missing
 * @param endpointingMillis -1 when {@code endpointing=false}
 * @param utteranceEndMillis -1 when not asked for
 */
record ListenOptions(Optional<AudioEncoding> encoding, int sampleRate, int channels, boolean interimResults,
        boolean vadEvents, boolean punctuate, int endpointingMillis, int utteranceEndMillis, String model) {

    private static final int DEFAULT_ENDPOINTING_MILLIS = 10;

    static ListenOptions of(Map<String, List<String>> query) {
        String endpointing = first(query, "endpointing", Integer.toString(DEFAULT_ENDPOINTING_MILLIS));
        return new ListenOptions(
                AudioEncoding.named(first(query, "encoding", null)),
                Integer.parseInt(first(query, "sample_rate", "0")),
                Integer.parseInt(first(query, "channels", "1")),
                flag(query, "interim_results"),
                flag(query, "vad_events"),
                flag(query, "punctuate") || flag(query, "smart_format"),
                "false".equals(endpointing) ? -1 : Integer.parseInt(endpointing),
                Integer.parseInt(first(query, "utterance_end_ms", "-1")),
                first(query, "model", "base"));
    }

    /** Raw audio the fake can decode: a supported encoding with its sample rate. */
    boolean decodable() {
        return encoding.isPresent() && sampleRate > 0 && channels > 0;
    }

    private static boolean flag(Map<String, List<String>> query, String name) {
        return "true".equals(first(query, name, "false"));
    }

    private static String first(Map<String, List<String>> query, String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
