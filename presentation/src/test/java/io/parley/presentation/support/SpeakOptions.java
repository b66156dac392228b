package io.parley.presentation.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /v1/speak} query parameters the fake acts on, with Deepgram's defaults (AsyncAPI spec
 * of speak.v1 at developers.deepgram.com/reference/text-to-speech/speak-streaming): encoding
 * linear16, model aura-asteria-en, sample rate 24000 for linear16 and 8000 for the G.711 laws.
 *
 * @param encoding empty when the fake cannot produce it (only linear16, mulaw and alaw)
 */
record SpeakOptions(Optional<AudioEncoding> encoding, int sampleRate, String model) {

    static SpeakOptions of(Map<String, List<String>> query) {
        Optional<AudioEncoding> encoding = AudioEncoding.named(first(query, "encoding", "linear16"));
        String defaultRate = encoding.filter(AudioEncoding.LINEAR16::equals).isPresent() ? "24000" : "8000";
        return new SpeakOptions(encoding, Integer.parseInt(first(query, "sample_rate", defaultRate)),
                first(query, "model", "aura-asteria-en"));
    }

    private static String first(Map<String, List<String>> query, String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
