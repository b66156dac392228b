package io.parley.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.core.voice.AudioEncoding;
import io.parley.core.voice.AudioFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediaClockTest {

    private static final AudioFormat MULAW_8K = new AudioFormat(AudioEncoding.MULAW, 8000);
    private static final Instant START = Instant.parse("2026-12-08T10:00:00Z");

    @Test
    void nothingIsKnownBeforeTheFirstFrame() {
        assertThat(new MediaClock(MULAW_8K).arrivalOf(0)).isEmpty();
    }

    @Test
    void aPositionMapsToTheFrameThatCarriedIt() {
        MediaClock clock = new MediaClock(MULAW_8K);
        for (int frame = 0; frame < 10; frame++) { // 20 ms frames arriving 25 ms apart
            clock.received(160, START.plusMillis(25L * frame));
        }

        assertThat(clock.arrivalOf(0)).contains(START);
        assertThat(clock.arrivalOf(20)).contains(START);
        assertThat(clock.arrivalOf(21)).contains(START.plusMillis(25));
        assertThat(clock.arrivalOf(110)).contains(START.plusMillis(125));
        assertThat(clock.arrivalOf(200)).contains(START.plusMillis(225));
    }

    @Test
    void aPositionBeyondTheAudioMapsToTheLastFrame() {
        MediaClock clock = new MediaClock(MULAW_8K);
        clock.received(160, START);
        clock.received(160, START.plusMillis(20));

        assertThat(clock.arrivalOf(5_000)).contains(START.plusMillis(20));
    }

    @Test
    void onlyTheLastFramesAreKept() {
        MediaClock clock = new MediaClock(MULAW_8K);
        int frames = MediaClock.KEPT + 500;
        for (int frame = 0; frame < frames; frame++) {
            clock.received(160, START.plusMillis(20L * frame));
        }

        Instant oldestKept = START.plusMillis(20L * 500);
        assertThat(clock.arrivalOf(0)).contains(oldestKept);
        assertThat(clock.arrivalOf(20L * 501)).contains(oldestKept);
        assertThat(clock.arrivalOf(20L * 501 + 1)).contains(oldestKept.plusMillis(20));
        assertThat(clock.arrivalOf(20L * frames)).contains(START.plusMillis(20L * (frames - 1)));
    }
}
