package io.parley.presentation.voice;

import io.parley.infrastructure.deepgram.DeepgramSettings;
import io.parley.presentation.support.FakeDeepgramServer;
import java.time.Duration;
import java.util.Optional;

/** Deepgram adapter settings pointing at the fake Deepgram, with the production defaults unless a test changes them. */
record DeepgramTestSettings(Optional<String> apiKey, String baseUrl, Duration keepAlive, Duration reconnectFor,
        Duration reconnectBuffer) {

    static DeepgramTestSettings fake() {
        return new DeepgramTestSettings(Optional.of(FakeDeepgramServer.API_KEY), FakeDeepgramServer.baseUrl(),
                Duration.ofSeconds(4), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    DeepgramTestSettings apiKey(String key) {
        return new DeepgramTestSettings(Optional.ofNullable(key), baseUrl, keepAlive, reconnectFor, reconnectBuffer);
    }

    DeepgramTestSettings baseUrl(String url) {
        return new DeepgramTestSettings(apiKey, url, keepAlive, reconnectFor, reconnectBuffer);
    }

    DeepgramTestSettings keepAlive(Duration every) {
        return new DeepgramTestSettings(apiKey, baseUrl, every, reconnectFor, reconnectBuffer);
    }

    DeepgramTestSettings reconnectFor(Duration window) {
        return new DeepgramTestSettings(apiKey, baseUrl, keepAlive, window, reconnectBuffer);
    }

    DeepgramTestSettings reconnectBuffer(Duration kept) {
        return new DeepgramTestSettings(apiKey, baseUrl, keepAlive, reconnectFor, kept);
    }

    DeepgramSettings build() {
        return new DeepgramSettings(apiKey, baseUrl, "nova-3", "aura-2-thalia-en", Duration.ofMillis(300),
                Duration.ofMillis(1000), keepAlive, reconnectFor, reconnectBuffer, 10);
    }
}
