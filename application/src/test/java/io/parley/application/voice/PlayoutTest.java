package io.parley.application.voice;

import static io.parley.application.voice.VoiceHarness.FORMAT;
import static io.parley.application.voice.VoiceHarness.T0;
import static io.parley.application.voice.VoiceHarness.audio;
import static io.parley.application.voice.VoiceHarness.ms;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.conversation.ConversationId;
import io.parley.core.port.out.VoiceOutput;
import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playout: the agent's audio sent at the pace it plays, LEAD ahead of the listener, on a clock the test sets. */
class PlayoutTest {

    /** 200 ms of 16 kHz linear16. */
    private static final int LEAD_BYTES = 6400;
    /** 20 ms of 16 kHz linear16. */
    private static final int FRAME_BYTES = 640;

    private final RecordingVoiceOutput output = new RecordingVoiceOutput();
    private final Playout playout = new Playout(FORMAT, output);

    @Test
    void nothingQueuedSendsNothing() {
        playout.pump(T0);
        assertThat(output.events()).isEmpty();
        assertThat(playout.drained()).isTrue();
    }

    @Test
    void theFirstPumpSendsLeadAtOnce() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        assertThat(frames()).containsExactly(LEAD_BYTES);
    }

    @Test
    void thenAboutOneFrameGoesEveryFrame() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        playout.pump(at(20));
        playout.pump(at(40));
        playout.pump(at(60));
        assertThat(frames()).containsExactly(LEAD_BYTES, FRAME_BYTES, FRAME_BYTES, FRAME_BYTES);
    }

    @Test
    void pumpingBeforeAFrameWasPlayedSendsNothing() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        playout.pump(T0);
        playout.pump(at(10));
        assertThat(frames()).containsExactly(LEAD_BYTES);
    }

    @Test
    void aLatePumpCatchesUpToLead() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        playout.pump(at(100));
        assertThat(frames()).containsExactly(LEAD_BYTES, 100 * 32);
    }

    @Test
    void neverMoreThanLeadIsSentAheadOfTheListener() {
        playout.add(audio(Duration.ofSeconds(3)));
        for (long micros = 0; micros <= 2_000_000; micros += 7_300) {
            Instant now = T0.plusNanos(micros * 1000);
            playout.pump(now);
            Duration sentAhead = FORMAT.durationOf(output.audioBytes()).minus(Duration.between(T0, now));
            assertThat(sentAhead).isLessThanOrEqualTo(Playout.LEAD);
            assertThat(sentAhead).isGreaterThan(Playout.LEAD.minus(Playout.FRAME).minus(ms(8)));
        }
    }

    @Test
    void playedIsWhatWasSentLessWhatTheListenerStillBuffers() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        assertThat(playout.played(T0)).isEqualTo(Duration.ZERO);
        assertThat(playout.played(at(50))).isEqualTo(ms(50));
        for (long ms = 20; ms <= 100; ms += 20) {
            playout.pump(at(ms));
        }
        assertThat(playout.played(at(100))).isEqualTo(ms(100));
        assertThat(playout.played(at(10_000))).isEqualTo(ms(300));
    }

    @Test
    void bufferedIsWhatIsQueuedAndWhatTheListenerHasNotPlayed() {
        playout.add(audio(Duration.ofSeconds(1)));
        assertThat(playout.buffered(T0)).isEqualTo(Duration.ofSeconds(1));
        playout.pump(T0);
        assertThat(playout.buffered(T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(playout.buffered(at(100))).isEqualTo(ms(900));
    }

    @Test
    void drainedOnceEverythingQueuedWasSent() {
        playout.add(audio(ms(300)));
        playout.pump(T0);
        assertThat(playout.drained()).isFalse();
        for (long ms = 20; ms <= 100; ms += 20) {
            playout.pump(at(ms));
        }
        assertThat(playout.drained()).isTrue();
        assertThat(output.audioBytes()).isEqualTo(300 * 32);
    }

    @Test
    void audioFromSeveralChunksIsSentWholeAndInOrder() {
        byte[] first = new byte[4000];
        byte[] second = new byte[4000];
        Arrays.fill(first, (byte) 1);
        Arrays.fill(second, (byte) 2);
        SentBytes sent = new SentBytes();
        Playout ordered = new Playout(FORMAT, sent);
        ordered.add(first);
        ordered.add(second);
        for (long ms = 0; ms <= 200; ms += 20) {
            ordered.pump(at(ms));
        }
        assertThat(sent.bytes.size()).isEqualTo(8000);
        byte[] all = sent.bytes.toByteArray();
        assertThat(all).startsWith(first).endsWith(second);
    }

    @Test
    void resetDropsWhatWasNotSentAndStartsCountingAgain() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        playout.pump(at(20));
        playout.reset();
        playout.pump(at(40));
        playout.pump(at(300));
        assertThat(frames()).containsExactly(LEAD_BYTES, FRAME_BYTES);
        assertThat(playout.drained()).isTrue();
        assertThat(playout.played(at(300))).isEqualTo(Duration.ZERO);
        assertThat(playout.buffered(at(40))).isEqualTo(Duration.ZERO);
    }

    @Test
    void afterResetNewAudioStartsWithLeadAgain() {
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(T0);
        playout.reset();
        playout.add(audio(Duration.ofSeconds(1)));
        playout.pump(at(20));
        assertThat(frames()).containsExactly(LEAD_BYTES, LEAD_BYTES);
    }

    @Test
    void framesAreWholeSamplesForLinear16WhateverThePumpTimes() {
        AudioFormat format = new AudioFormat(AudioEncoding.LINEAR16, 24000);
        RecordingVoiceOutput out = new RecordingVoiceOutput();
        Playout paced = new Playout(format, out);
        paced.add(new byte[(int) format.bytesFor(Duration.ofSeconds(2))]);
        for (long micros = 0; micros <= 1_500_000; micros += 13_337) {
            paced.pump(T0.plusNanos(micros * 1000 + 17));
        }
        assertThat(out.all(RecordingVoiceOutput.Audio.class)).hasSizeGreaterThan(50)
                .allSatisfy(frame -> assertThat(frame.length() % 2).isZero());
    }

    /**
     * Synthesis may cut its audio at any byte (providers do: odd-sized linear16 chunks); frames still end on
     * whole samples, which a client decoding each frame as 16-bit samples needs.
     */
    @Test
    void framesStayWholeSamplesWhenSynthesisCutsItsAudioMidSample() {
        playout.add(new byte[1001]);
        playout.pump(T0);
        playout.add(new byte[999]);
        playout.pump(at(20));
        playout.pump(at(40));
        assertThat(output.all(RecordingVoiceOutput.Audio.class)).isNotEmpty()
                .allSatisfy(frame -> assertThat(frame.length() % 2).as("bytes in frame of %s", frame).isZero());
    }

    private List<Integer> frames() {
        return output.all(RecordingVoiceOutput.Audio.class).stream().map(RecordingVoiceOutput.Audio::length).toList();
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** An output that keeps the audio bytes themselves. */
    private static final class SentBytes implements VoiceOutput {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void audio(byte[] audio) {
            bytes.writeBytes(audio);
        }

        @Override
        public void started(ConversationId conversation) {
        }

        @Override
        public void unavailable(String reason) {
        }

        @Override
        public void transcript(String text, boolean isFinal) {
        }

        @Override
        public void answerDelta(String delta) {
        }

        @Override
        public void answered(ConversationId conversation, String text,
                boolean interrupted) {
        }

        @Override
        public void agentUnavailable(ConversationId conversation) {
        }

        @Override
        public void audioStart(String turnId) {
        }

        @Override
        public void audioEnd(String turnId) {
        }

        @Override
        public void audioClear(String turnId) {
        }

        @Override
        public void stopped(String reason) {
        }
    }
}
