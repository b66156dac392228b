package io.parley.infrastructure.deepgram;

import io.parley.core.port.out.SpeechToText;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechListener;
import io.parley.core.voice.SpeechStream;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Speech-to-text on Deepgram's live streaming API ({@code /v1/listen}): one non-blocking WebSocket per
 * stream, with interim results, VAD events, endpointing and UtteranceEnd turned on.
 */
@Singleton
public class DeepgramSpeechToText implements SpeechToText {

    private final DeepgramSettings settings;
    private final Vertx vertx;
    private final WebSocketClient client;

    public DeepgramSpeechToText(DeepgramSettings settings, Vertx vertx) {
        this.settings = settings;
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(DeepgramEndpoint.clientOptions("deepgram-listen", settings.maxSessions()));
    }

    @Override
    public Optional<String> unavailableReason() {
        return settings.unavailableReason();
    }

    @Override
    public SpeechStream open(AudioFormat format, Optional<String> language, SpeechListener listener) {
        ListenStream stream = new ListenStream(StreamLoop.of(vertx), settings, format,
                new GuardedSpeechListener(listener), () -> client.connect(socket(format, language)));
        settings.unavailableReason().ifPresentOrElse(stream::refuse, stream::start);
        return stream;
    }

    private WebSocketConnectOptions socket(AudioFormat format, Optional<String> language) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("model", settings.sttModel());
        query.put("encoding", format.encoding().code());
        query.put("sample_rate", Integer.toString(format.sampleRate()));
        query.put("channels", "1");
        query.put("interim_results", "true");
        query.put("vad_events", "true");
        query.put("endpointing", Long.toString(settings.endpointing().toMillis()));
        query.put("utterance_end_ms", Long.toString(settings.utteranceEnd().toMillis()));
        query.put("smart_format", "true");
        language.filter(code -> !code.isBlank()).ifPresent(code -> query.put("language", code));
        return DeepgramEndpoint.parse(settings.baseUrl()).socket("/v1/listen", query, settings.apiKey().orElseThrow());
    }

    @PreDestroy
    void stop() {
        client.close();
    }
}
