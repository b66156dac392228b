package io.parley.presentation.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's audio reaches Exotel whole, in order, and only in chunks Exotel plays. */
class ExotelChunksTest {

    private final ExotelChunks chunks = new ExotelChunks();

    @Test
    void twentyMillisecondFramesAt8kHzGoAsOneChunkPer100Milliseconds() {
        for (int frame = 1; frame < 10; frame++) {
            assertThat(chunks.add(new byte[320])).as("frame %d", frame).isEmpty();
        }
        assertThat(chunks.add(new byte[320])).singleElement().satisfies(chunk -> assertThat(chunk).hasSize(3200));
        assertThat(chunks.flush()).isEmpty();
    }

    @Test
    void audioOfAnySizeIsCutIntoValidChunksAndTheRestPaddedWithSilence() {
        byte[] audio = numbered(123_458);
        List<byte[]> sent = new ArrayList<>();
        for (int from = 0; from < audio.length; from += 882) {
            sent.addAll(chunks.add(Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 882))));
        }
        byte[] last = chunks.flush().orElseThrow();
        assertThat(last).hasSize(3200);
        sent.add(last);
        assertThat(sent).allSatisfy(chunk -> assertThat(chunk.length % 320).isZero())
                .allSatisfy(chunk -> assertThat(chunk.length).isBetween(3200, 100_000));
        byte[] joined = joined(sent);
        assertThat(Arrays.copyOf(joined, audio.length)).isEqualTo(audio);
        assertThat(Arrays.copyOfRange(joined, audio.length, joined.length)).containsOnly(0);
    }

    @Test
    void oneHugePieceOfAudioIsCutUnder100kB() {
        List<byte[]> sent = chunks.add(numbered(250_000));
        assertThat(sent).hasSizeGreaterThan(2).allSatisfy(chunk -> assertThat(chunk.length).isBetween(3200, 100_000));
        assertThat(sent.stream().mapToInt(chunk -> chunk.length).sum()).isEqualTo(250_000 - 250_000 % 320);
    }

    @Test
    void aBargeInDropsWhatIsLeft() {
        chunks.add(new byte[1000]);
        chunks.clear();
        assertThat(chunks.flush()).isEmpty();
    }

    private static byte[] numbered(int length) {
        byte[] audio = new byte[length];
        for (int i = 0; i < length; i++) {
            audio[i] = (byte) (i % 251 + 1);
        }
        return audio;
    }

    private static byte[] joined(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
