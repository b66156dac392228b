package io.parley.core.voice;

import java.util.Arrays;
import java.util.Optional;

/** How raw mono audio samples are coded: 16-bit little-endian PCM, or 8-bit G.711 μ-law. */
public enum AudioEncoding {
    LINEAR16("linear16", 2),
    MULAW("mulaw", 1);

    private final String code;
    private final int bytesPerSample;

    AudioEncoding(String code, int bytesPerSample) {
        this.code = code;
        this.bytesPerSample = bytesPerSample;
    }

    /** The name on the wire (Parley's protocol and Deepgram's). */
    public String code() {
        return code;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    public static Optional<AudioEncoding> byCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
