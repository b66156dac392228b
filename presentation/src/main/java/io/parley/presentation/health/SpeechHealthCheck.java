package io.parley.presentation.health;

import io.parley.application.voice.VoiceSlots;
import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether speech (recognition and synthesis) is configured, and the voice sessions running; text
 * works without speech, so it never fails readiness.
 */
@Readiness
@ApplicationScoped
public class SpeechHealthCheck implements HealthCheck {

    private final SpeechToText stt;
    private final TextToSpeech tts;
    private final VoiceSlots voices;

    public SpeechHealthCheck(SpeechToText stt, TextToSpeech tts, VoiceSlots voices) {
        this.stt = stt;
        this.tts = tts;
        this.voices = voices;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> missing = stt.unavailableReason().or(tts::unavailableReason);
        return HealthCheckResponse.named("speech")
                .up()
                .withData("configured", missing.isEmpty())
                .withData("status", missing.map(reason -> "not configured: voice.start answers voice_unavailable ("
                        + reason + ")").orElse("configured"))
                .withData("voiceSessions", voices.inUse())
                .withData("maxVoiceSessions", voices.max())
                .build();
    }
}
