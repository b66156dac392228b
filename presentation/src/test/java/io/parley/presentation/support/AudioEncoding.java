package io.parley.presentation.support;

import java.util.Locale;
import java.util.Optional;

/**
 * The raw audio encodings the fakes decode and produce, named as Deepgram's {@code encoding} query
 * parameter names them: 16-bit little-endian PCM and the two G.711 companding laws, coded as the
 * public-domain Sun {@code g711.c} does (as SoX, which made the fixtures, and Python's audioop do).
 */
public enum AudioEncoding {

    LINEAR16(2) {
        @Override
        short decodeSample(byte[] data, int offset) {
            return (short) ((data[offset] & 0xFF) | (data[offset + 1] << 8));
        }

        @Override
        void encodeSample(short sample, byte[] out, int offset) {
            out[offset] = (byte) sample;
            out[offset + 1] = (byte) (sample >> 8);
        }
    },
    MULAW(1) {
        @Override
        short decodeSample(byte[] data, int offset) {
            int u = ~data[offset] & 0xFF;
            int magnitude = ((((u & 0x0F) << 3) + MULAW_BIAS) << ((u >> 4) & 0x07)) - MULAW_BIAS;
            return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
        }

        @Override
        void encodeSample(short sample, byte[] out, int offset) {
            int value = sample >> 2;
            int mask = value < 0 ? 0x7F : 0xFF;
            value = Math.min(Math.abs(value), MULAW_CLIP) + (MULAW_BIAS >> 2);
            int segment = 0;
            while (segment < 8 && value > (0x40 << segment) - 1) {
                segment++;
            }
            int code = segment >= 8 ? 0x7F : (segment << 4) | ((value >> (segment + 1)) & 0x0F);
            out[offset] = (byte) (code ^ mask);
        }
    },
    ALAW(1) {
        @Override
        short decodeSample(byte[] data, int offset) {
            int a = (data[offset] & 0xFF) ^ 0x55;
            int segment = (a & 0x70) >> 4;
            int magnitude = ((a & 0x0F) << 4) + (segment == 0 ? 8 : 0x108);
            if (segment > 1) {
                magnitude <<= segment - 1;
            }
            return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
        }

        @Override
        void encodeSample(short sample, byte[] out, int offset) {
            int value = sample >> 3;
            int mask = value >= 0 ? 0xD5 : 0x55;
            if (value < 0) {
                value = -value - 1;
            }
            int segment = 0;
            while (segment < 8 && value > (0x20 << segment) - 1) {
                segment++;
            }
            int code = segment >= 8 ? 0x7F
                    : (segment << 4) | ((segment < 2 ? value >> 1 : value >> segment) & 0x0F);
            out[offset] = (byte) (code ^ mask);
        }
    };

    private static final int MULAW_BIAS = 0x84;
    private static final int MULAW_CLIP = 8159;

    private final int bytesPerSample;

    AudioEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    /** The encoding a Deepgram {@code encoding} parameter names, if the fakes support it. */
    public static Optional<AudioEncoding> named(String queryValue) {
        if (queryValue == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(queryValue.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unsupported) {
            return Optional.empty();
        }
    }

    /** The name Deepgram's query parameter uses: {@code linear16}, {@code mulaw}, {@code alaw}. */
    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Linear 16-bit samples of whole samples in {@code data} (a trailing partial sample is ignored). */
    public short[] decode(byte[] data) {
        short[] samples = new short[data.length / bytesPerSample];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = decodeSample(data, i * bytesPerSample);
        }
        return samples;
    }

    public byte[] encode(short[] samples) {
        byte[] out = new byte[samples.length * bytesPerSample];
        for (int i = 0; i < samples.length; i++) {
            encodeSample(samples[i], out, i * bytesPerSample);
        }
        return out;
    }

    abstract short decodeSample(byte[] data, int offset);

    abstract void encodeSample(short sample, byte[] out, int offset);
}
