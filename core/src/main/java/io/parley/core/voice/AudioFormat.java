package io.parley.core.voice;

import io.parley.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** The format of a voice session's audio, both ways: an encoding and a sample rate, mono. */
public record AudioFormat(AudioEncoding encoding, int sampleRate) {

    public static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 24000, 48000);

    public AudioFormat {
        Objects.requireNonNull(encoding);
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new InvalidInputException("invalid_message", "sampleRate must be one of 8000, 16000, 24000, 48000");
        }
    }

    /** Bytes of audio per millisecond. */
    public double bytesPerMillisecond() {
        return sampleRate * encoding.bytesPerSample() / 1000.0;
    }

    /** How long this many bytes of audio play. */
    public Duration durationOf(long bytes) {
        return Duration.ofNanos((long) (bytes / bytesPerMillisecond() * 1_000_000));
    }

    /** How many bytes play for this long (whole samples). */
    public long bytesFor(Duration length) {
        long samples = length.toNanos() * sampleRate / 1_000_000_000L;
        return samples * encoding.bytesPerSample();
    }
}
