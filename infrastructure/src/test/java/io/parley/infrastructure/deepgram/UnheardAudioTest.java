package io.parley.infrastructure.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnheardAudioTest {

    @Test
    void framesNoFinalResultCoversGoBackBeforeTheWaitingAudioInOrder() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        for (int i = 0; i < 5; i++) {
            unheard.written(frame(i, 100));
        }
        unheard.heardUpTo(250);
        backlog.add(frame(9, 100));

        unheard.putBackInto(backlog);

        assertThat(firstBytes(backlog)).as("frame 2 is only half heard, so it goes again").containsExactly(2, 3, 4, 9);
    }

    @Test
    void afterAPutBackPositionsContinueFromTheReplayedAudio() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        unheard.written(frame(0, 100));
        unheard.written(frame(1, 100));
        unheard.putBackInto(backlog);
        unheard.written(backlog.poll());
        unheard.written(backlog.poll());
        unheard.written(frame(2, 100));

        unheard.heardUpTo(200);
        unheard.putBackInto(backlog);

        assertThat(firstBytes(backlog)).containsExactly(2);
    }

    @Test
    void onlyTheNewestAudioUpToTheBoundIsKept() {
        UnheardAudio unheard = new UnheardAudio(250);
        AudioBacklog backlog = new AudioBacklog(10_000);
        for (int i = 0; i < 4; i++) {
            unheard.written(frame(i, 100));
        }
        unheard.putBackInto(backlog);

        assertThat(backlog.bytes()).isEqualTo(200);
        assertThat(firstBytes(backlog)).containsExactly(2, 3);
    }

    @Test
    void audioAFinalResultCoversIsNeverSentAgain() {
        UnheardAudio unheard = new UnheardAudio(10_000);
        AudioBacklog backlog = new AudioBacklog(10_000);
        unheard.written(frame(0, 100));
        unheard.written(frame(1, 100));
        unheard.heardUpTo(200);

        unheard.putBackInto(backlog);

        assertThat(backlog.isEmpty()).isTrue();
    }

    private static Buffer frame(int id, int length) {
        byte[] bytes = new byte[length];
        bytes[0] = (byte) id;
        return Buffer.buffer(bytes);
    }

    private static List<Integer> firstBytes(AudioBacklog backlog) {
        List<Integer> ids = new ArrayList<>();
        for (Buffer frame = backlog.poll(); frame != null; frame = backlog.poll()) {
            ids.add((int) frame.getByte(0));
        }
        return ids;
    }
}
