package io.parley.infrastructure.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class UnheardAudioTest {

    @Test
    void theAudioNoFinalResultCoversGoesBackBeforeTheWaitingAudio() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        for (int i = 0; i < 5; i++) {
            unheard.written(frame(i * 100, 100));
        }
        unheard.heardUpTo(250);
        backlog.add(frame(900, 100));

        unheard.putBackInto(backlog);

        assertThat(drain(backlog)).isEqualTo(concat(sequence(250, 250), sequence(900, 100)));
    }

    @Test
    void afterAPutBackPositionsContinueFromTheReplayedAudio() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        unheard.written(frame(0, 100));
        unheard.written(frame(100, 100));
        unheard.putBackInto(backlog);
        unheard.written(backlog.poll());
        unheard.written(frame(200, 100));

        unheard.heardUpTo(150);
        unheard.putBackInto(backlog);

        assertThat(drain(backlog)).isEqualTo(sequence(150, 150));
    }

    @Test
    void onlyTheNewestAudioUpToTheBoundIsKeptAcrossTheRingsWrapAndGrowth() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(100_000);
        for (int i = 0; i < 130; i++) {
            unheard.written(frame(i * 160, 160));
        }
        unheard.putBackInto(backlog);

        assertThat(drain(backlog)).isEqualTo(sequence(130 * 160 - 10_000, 10_000));
    }

    @Test
    void audioAFinalResultCoversIsNeverSentAgain() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        unheard.written(frame(0, 100));
        unheard.written(frame(100, 100));
        unheard.heardUpTo(500);

        unheard.putBackInto(backlog);

        assertThat(backlog.isEmpty()).isTrue();
    }

    @Test
    void noBoundKeepsNothing() {
        UnheardAudio unheard = new UnheardAudio(0);
        AudioBacklog backlog = new AudioBacklog(10_000);
        unheard.written(frame(0, 100));

        unheard.putBackInto(backlog);

        assertThat(backlog.isEmpty()).isTrue();
    }

    /** Bytes numbered by their stream position (mod 256), so any misplaced byte shows. */
    private static Buffer frame(int from, int length) {
        return Buffer.buffer(sequence(from, length));
    }

    private static byte[] sequence(int from, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        joined.writeBytes(first);
        joined.writeBytes(second);
        return joined.toByteArray();
    }

    private static byte[] drain(AudioBacklog backlog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Buffer frame = backlog.poll(); frame != null; frame = backlog.poll()) {
            out.writeBytes(frame.getBytes());
        }
        return out.toByteArray();
    }
}
