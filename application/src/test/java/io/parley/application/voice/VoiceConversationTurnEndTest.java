package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.audio;
import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.conversation.Turn;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** VoiceConversation: the user's audio goes to recognition, and silence ends a turn recognition did not end. */
class VoiceConversationTurnEndTest {

    private final VoiceHarness h = new VoiceHarness();

    @Test
    void theUsersAudioGoesToRecognitionInOrderEvenBeforeItIsReady() {
        h.open();
        byte[] first = audio(ms(20));
        byte[] second = audio(ms(20));
        h.voice.audio(first);
        h.stt.listener().onReady();
        h.tts.listener().onReady();
        h.voice.audio(second);
        assertThat(h.stt.stream().sent).containsExactly(first, second);
    }

    @Test
    void silenceAfterAFinalSegmentAsksRecognitionToFinalizeOnce() {
        h.started();
        h.voice.audio(audio(ms(20)));
        h.stt.listener().onTranscript("hello there", true);
        h.tick(ms(680));
        assertThat(h.stt.stream().finalizes).isZero();
        h.tick(ms(20));
        assertThat(h.stt.stream().finalizes).isEqualTo(1);
        h.tick(Duration.ofSeconds(2));
        assertThat(h.stt.stream().finalizes).isEqualTo(1);
    }

    @Test
    void theEndOfTurnRecognitionGivesAfterFinalizingIsAnswered() {
        h.started();
        h.voice.audio(audio(ms(20)));
        h.stt.listener().onTranscript("hello there", true);
        h.tick(ms(700));
        h.stt.listener().onTranscript("how are you", true);
        assertThat(h.storedUserTurns()).as("a final segment alone does not end the turn").isEmpty();
        h.stt.listener().onEndOfTurn("hello there how are you", 20);

        assertThat(h.storedUserTurns()).extracting(Turn::text).containsExactly("hello there how are you");
        assertThat(h.model.replies).singleElement()
                .satisfies(reply -> assertThat(reply.prompt.userText()).isEqualTo("hello there how are you"));
        h.tick(Duration.ofSeconds(2));
        assertThat(h.stt.stream().finalizes).isEqualTo(1);
    }

    @Test
    void noFinalizeWhileTheUsersAudioKeepsComing() {
        h.started();
        h.stt.listener().onTranscript("hello there", true);
        for (int i = 0; i < 100; i++) {
            h.clock.advance(Playout.FRAME);
            h.voice.audio(audio(Playout.FRAME));
            h.tickNow();
        }
        assertThat(h.stt.stream().finalizes).isZero();
    }

    @Test
    void noFinalizeWhenNothingWasSaid() {
        h.started();
        h.voice.audio(audio(ms(20)));
        h.stt.listener().onTranscript("", true);
        h.tick(Duration.ofSeconds(2));
        assertThat(h.stt.stream().finalizes).isZero();
    }

    @Test
    void aTurnRecognitionEndsItselfIsNotFinalizedAgain() {
        h.started();
        h.voice.audio(audio(ms(20)));
        h.stt.listener().onTranscript("hello there", true);
        h.stt.listener().onEndOfTurn("hello there", 20);
        h.tick(Duration.ofSeconds(2));
        assertThat(h.stt.stream().finalizes).isZero();
        assertThat(h.storedUserTurns()).extracting(Turn::text).containsExactly("hello there");
    }

    /**
     * Push-to-talk with a short utterance: recognition has only sent interim results when the user's audio
     * stops, and must still be asked to finalize.
     */
    @Test
    void silenceAfterOnlyInterimSpeechAsksRecognitionToFinalize() {
        h.started();
        h.voice.audio(audio(ms(20)));
        h.stt.listener().onTranscript("what time is it", false);
        h.tick(Duration.ofSeconds(1));
        assertThat(h.stt.stream().finalizes).isEqualTo(1);
    }
}
