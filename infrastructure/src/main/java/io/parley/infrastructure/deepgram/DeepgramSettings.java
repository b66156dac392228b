package io.parley.infrastructure.deepgram;

import io.parley.infrastructure.config.ParleyConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Deepgram adapters need from {@code parley.deepgram.*} (and how many voice sessions a node
 * runs); {@link #toString()} never shows the API key.
 */
public record DeepgramSettings(Optional<String> apiKey, String baseUrl, String sttModel, String ttsVoice,
        Duration endpointing, Duration utteranceEnd, Duration keepAlive, Duration reconnectFor,
        Duration reconnectBuffer, int maxSessions) {

    static final String NO_API_KEY =
            "Deepgram is not configured: set parley.deepgram.api-key (env PARLEY_DEEPGRAM_API_KEY)";

    public DeepgramSettings {
        apiKey = apiKey.filter(key -> !key.isBlank());
        Objects.requireNonNull(baseUrl);
        Objects.requireNonNull(sttModel);
        Objects.requireNonNull(ttsVoice);
        if (keepAlive.isZero() || keepAlive.isNegative()) {
            throw new IllegalArgumentException("parley.deepgram.keep-alive must be positive");
        }
    }

    public static DeepgramSettings of(ParleyConfig config) {
        ParleyConfig.Deepgram deepgram = config.deepgram();
        return new DeepgramSettings(deepgram.apiKey(), deepgram.baseUrl(), deepgram.sttModel(), deepgram.ttsVoice(),
                deepgram.endpointing(), deepgram.utteranceEnd(), deepgram.keepAlive(), deepgram.reconnectFor(),
                deepgram.reconnectBuffer(), config.voice().maxSessions());
    }

    /** Empty when Deepgram can be used; else what the operator must configure. */
    public Optional<String> unavailableReason() {
        if (apiKey.isEmpty()) {
            return Optional.of(NO_API_KEY);
        }
        return DeepgramEndpoint.problemWith(baseUrl);
    }

    @Override
    public String toString() {
        return "DeepgramSettings[apiKey=" + (apiKey.isPresent() ? "<set>" : "<unset>") + ", baseUrl=" + baseUrl
                + ", sttModel=" + sttModel + ", ttsVoice=" + ttsVoice + ", endpointing=" + endpointing
                + ", utteranceEnd=" + utteranceEnd + ", keepAlive=" + keepAlive + ", reconnectFor=" + reconnectFor
                + ", reconnectBuffer=" + reconnectBuffer + ", maxSessions=" + maxSessions + "]";
    }
}
