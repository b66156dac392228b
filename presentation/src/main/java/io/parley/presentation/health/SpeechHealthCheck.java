package io.parley.presentation.health;

import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports whether speech (recognition and synthesis) is configured; text works without it, so it never fails readiness. */
@Readiness
@ApplicationScoped
public class SpeechHealthCheck implements HealthCheck {

    private final SpeechToText stt;
    private final TextToSpeech tts;

    public SpeechHealthCheck(SpeechToText stt, TextToSpeech tts) {
        this.stt = stt;
        this.tts = tts;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> missing = stt.unavailableReason().or(tts::unavailableReason);
        return HealthCheckResponse.named("speech")
                .up()
                .withData("configured", missing.isEmpty())
                .withData("status", missing.map(reason -> "not configured: voice.start answers voice_unavailable ("
                        + reason + ")").orElse("configured"))
                .build();
    }
}
