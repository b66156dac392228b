package io.parley.presentation.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Headerless mono audio for tests: the real-speech recordings in {@code src/test/resources/audio}
 * (made by {@code make-fixtures.sh}: 0.3 s of silence, the phrase, 1.2 s of silence), or silence,
 * cut into frames of a given length. To the fake Deepgram's speech detector, speech in "price"
 * spans 0.30-1.28 s; "stop" is two words, 0.30-0.76 s and 0.94-1.39 s (a 180 ms pause at the
 * comma, so one utterance with {@code endpointing} of 180 ms or more, else two).
 */
public final class AudioFixture {

    public static final Duration FRAME = Duration.ofMillis(20);
    /** "What is the price?" */
    public static final String PRICE = "price";
    /** "Stop, stop." */
    public static final String STOP = "stop";

    private final AudioEncoding encoding;
    private final int sampleRate;
    private final byte[] bytes;

    private AudioFixture(AudioEncoding encoding, int sampleRate, byte[] bytes) {
        this.encoding = encoding;
        this.sampleRate = sampleRate;
        this.bytes = bytes;
    }

    /** {@code phrase} ({@link #PRICE} or {@link #STOP}) as linear16 at 16 kHz or mulaw at 8 kHz. */
    public static AudioFixture load(String phrase, AudioEncoding encoding, int sampleRate) {
        String name = "/audio/" + phrase + "-" + encoding.queryValue() + "-" + sampleRate + ".raw";
        try (InputStream in = AudioFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no audio fixture " + name);
            }
            return new AudioFixture(encoding, sampleRate, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Digital silence: zero samples, 0xFF in mu-law, 0xD5 in A-law. */
    public static AudioFixture silence(AudioEncoding encoding, int sampleRate, Duration length) {
        int samples = (int) (sampleRate * length.toMillis() / 1000);
        return new AudioFixture(encoding, sampleRate, encoding.encode(new short[samples]));
    }

    /** This audio followed by {@code next}, which must have the same encoding and rate. */
    public AudioFixture then(AudioFixture next) {
        if (next.encoding != encoding || next.sampleRate != sampleRate) {
            throw new IllegalArgumentException("cannot join audio of different formats");
        }
        byte[] joined = Arrays.copyOf(bytes, bytes.length + next.bytes.length);
        System.arraycopy(next.bytes, 0, joined, bytes.length, next.bytes.length);
        return new AudioFixture(encoding, sampleRate, joined);
    }

    /** Frames of {@link #FRAME} (20 ms: 640 bytes of linear16 at 16 kHz, 160 bytes of mu-law at 8 kHz). */
    public List<byte[]> frames() {
        return frames(FRAME);
    }

    /** Frames of {@code length} each; the last may be shorter. */
    public List<byte[]> frames(Duration length) {
        int size = bytesFor(length);
        List<byte[]> frames = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += size) {
            frames.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
        return frames;
    }

    public int bytesFor(Duration length) {
        return (int) (sampleRate * length.toMillis() / 1000) * encoding.bytesPerSample();
    }

    public Duration duration() {
        return Duration.ofNanos(1_000_000_000L * bytes.length / encoding.bytesPerSample() / sampleRate);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public AudioEncoding encoding() {
        return encoding;
    }

    public int sampleRate() {
        return sampleRate;
    }
}
