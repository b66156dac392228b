package io.parley.presentation.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.port.out.SpeechToText;
import io.parley.core.port.out.TextToSpeech;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import io.parley.infrastructure.deepgram.DeepgramSpeechToText;
import io.parley.infrastructure.deepgram.DeepgramTextToSpeech;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * In the running server the voice ports are the Deepgram adapters, built from {@code parley.deepgram.*};
 * the test profile sets no API key, so both say what to configure and streams fail with that.
 */
@QuarkusTest
class DeepgramWiringTest {

    private static final String REASON =
            "Deepgram is not configured: set parley.deepgram.api-key (env PARLEY_DEEPGRAM_API_KEY)";

    @Inject
    SpeechToText speechToText;

    @Inject
    TextToSpeech textToSpeech;

    @Test
    void theVoicePortsAreTheDeepgramAdaptersAndSayWhatToConfigure() {
        assertThat(speechToText).isInstanceOf(DeepgramSpeechToText.class);
        assertThat(textToSpeech).isInstanceOf(DeepgramTextToSpeech.class);
        assertThat(speechToText.unavailableReason()).hasValue(REASON);
        assertThat(textToSpeech.unavailableReason()).hasValue(REASON);

        SpeechEvents heard = new SpeechEvents();
        SynthesisEvents spoken = new SynthesisEvents();
        speechToText.open(new AudioFormat(AudioEncoding.MULAW, 8000), Optional.empty(), heard);
        textToSpeech.open(new AudioFormat(AudioEncoding.LINEAR16, 24000), spoken);
        assertThat(heard.await(SpeechEvents.Kind.FAILURE, 1).get(0).text()).isEqualTo(REASON);
        assertThat(spoken.await(SynthesisEvents.Kind.FAILURE, 1).get(0).reason()).isEqualTo(REASON);
    }
}
