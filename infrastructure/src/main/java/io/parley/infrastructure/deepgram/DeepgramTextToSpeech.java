package io.parley.infrastructure.deepgram;

import io.parley.core.port.out.TextToSpeech;
import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechSynthesis;
import io.parley.core.voice.SynthesisListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Text-to-speech on Deepgram's streaming Aura API ({@code /v1/speak}): one non-blocking WebSocket per
 * stream, making raw audio in the client's encoding and sample rate.
 */
@Singleton
public class DeepgramTextToSpeech implements TextToSpeech {

    private final DeepgramSettings settings;
    private final Vertx vertx;
    private final WebSocketClient client;

    public DeepgramTextToSpeech(DeepgramSettings settings, Vertx vertx) {
        this.settings = settings;
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(DeepgramEndpoint.clientOptions("deepgram-speak", settings.maxSessions()));
    }

    @Override
    public Optional<String> unavailableReason() {
        return settings.unavailableReason();
    }

    @Override
    public SpeechSynthesis open(AudioFormat format, SynthesisListener listener) {
        SpeakStream stream = new SpeakStream(StreamLoop.of(vertx), new GuardedSynthesisListener(listener),
                () -> client.connect(socket(format)));
        settings.unavailableReason().ifPresentOrElse(stream::refuse, stream::start);
        return stream;
    }

    private WebSocketConnectOptions socket(AudioFormat format) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("model", settings.ttsVoice());
        query.put("encoding", format.encoding().code());
        query.put("sample_rate", Integer.toString(format.sampleRate()));
        return DeepgramEndpoint.parse(settings.baseUrl()).socket("/v1/speak", query, settings.apiKey().orElseThrow());
    }

    @PreDestroy
    void stop() {
        client.close();
    }
}
