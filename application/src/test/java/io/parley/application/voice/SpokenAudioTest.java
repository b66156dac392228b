package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.FORMAT;
import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SpokenAudio: which text of a turn was heard within a length of its audio (16 kHz linear16 here). */
class SpokenAudioTest {

    private static final String EIGHT_WORDS = "one two three four five six seven eight";

    private final SpokenAudio spoken = new SpokenAudio(FORMAT);

    @Test
    void nothingSpokenIsNothingHeard() {
        assertThat(spoken.heardWithin(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void nothingHeardIsEmpty() {
        piece("First sentence.", 1000, true);
        assertThat(spoken.heardWithin(Duration.ZERO)).isEmpty();
    }

    @Test
    void wholePiecesHeardAreJoined() {
        piece("First sentence.", 1000, true);
        piece("Second one.", 1000, true);
        assertThat(spoken.heardWithin(ms(1000))).isEqualTo("First sentence.");
        assertThat(spoken.heardWithin(ms(2000))).isEqualTo("First sentence. Second one.");
        assertThat(spoken.heardWithin(Duration.ofMinutes(1))).isEqualTo("First sentence. Second one.");
    }

    @Test
    void thePieceInProgressCountsByItsHeardShareCutAtAWord() {
        piece("First sentence.", 1000, true);
        piece(EIGHT_WORDS, 2000, true);
        // half of the second piece's 2 s: 19 of its 39 characters, back to the end of "four"
        assertThat(spoken.heardWithin(ms(2000))).isEqualTo("First sentence. one two three four");
    }

    @Test
    void aWordPartlyHeardIsLeftOut() {
        piece(EIGHT_WORDS, 2000, true);
        // 840 of 2000 ms: 16 characters, in the middle of "four"
        assertThat(spoken.heardWithin(ms(840))).isEqualTo("one two three");
    }

    @Test
    void aFirstWordPartlyHeardLeavesNothing() {
        piece("Hello world", 1000, true);
        assertThat(spoken.heardWithin(ms(100))).isEmpty();
    }

    @Test
    void aPieceStillBeingSynthesizedIsMeasuredAtTheUsualPaceOfSpeech() {
        // 27 characters at 15 a second: 1.8 s expected, though only 0.5 s of audio came so far
        piece("one two three four five six", 500, false);
        assertThat(spoken.heardWithin(ms(450))).isEqualTo("one");
    }

    @Test
    void aPieceStillBeingSynthesizedWithMoreAudioThanThePaceSaysIsMeasuredByItsAudio() {
        // "Hi there": 533 ms at the usual pace, but 1 s of audio already came
        piece("Hi there", 1000, false);
        assertThat(spoken.heardWithin(ms(500))).isEqualTo("Hi");
    }

    @Test
    void aPieceWithoutAudioYetWasNotHeard() {
        piece("First sentence.", 1000, true);
        spoken.piece("Not synthesized yet.");
        assertThat(spoken.heardWithin(Duration.ofSeconds(5))).isEqualTo("First sentence.");
    }

    @Test
    void audioBelongsToTheOldestPieceNotYetDone() {
        spoken.piece("First sentence.");
        spoken.piece("Second one.");
        spoken.audio(bytes(1000));
        spoken.pieceDone();
        spoken.audio(bytes(500));
        spoken.audio(bytes(500));
        spoken.pieceDone();
        assertThat(spoken.heardWithin(ms(1000))).isEqualTo("First sentence.");
        assertThat(spoken.heardWithin(ms(2000))).isEqualTo("First sentence. Second one.");
    }

    private void piece(String text, long audioMs, boolean done) {
        spoken.piece(text);
        spoken.audio(bytes(audioMs));
        if (done) {
            spoken.pieceDone();
        }
    }

    private static int bytes(long audioMs) {
        return (int) FORMAT.bytesFor(ms(audioMs));
    }
}
