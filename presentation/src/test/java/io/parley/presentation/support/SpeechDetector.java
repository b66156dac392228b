package io.parley.presentation.support;

/**
 * An energy voice-activity detector: it cuts the linear samples it is fed into 10 ms windows (all
 * channels together) and calls each one speech when its RMS exceeds {@link #THRESHOLD}. eSpeak's
 * voice in the audio fixtures stays above about 170 RMS even in its quietest sounds at 8 kHz
 * mu-law, while digital silence decodes to 0.
 */
final class SpeechDetector {

    /** RMS of a 10 ms window above which it counts as speech: about -47 dBFS. */
    static final double THRESHOLD = 150;
    static final int WINDOW_MILLIS = 10;

    /** Receives each complete window, in order. */
    interface Windows {
        void window(boolean speech, long endMillis);
    }

    private final int windowSamples;
    private final Windows windows;
    private long squares;
    private int filled;
    private long windowsSeen;

    SpeechDetector(int sampleRate, int channels, Windows windows) {
        this.windowSamples = Math.max(1, sampleRate * channels * WINDOW_MILLIS / 1000);
        this.windows = windows;
    }

    void accept(short[] samples) {
        for (short sample : samples) {
            squares += (long) sample * sample;
            if (++filled == windowSamples) {
                boolean speech = Math.sqrt((double) squares / windowSamples) > THRESHOLD;
                squares = 0;
                filled = 0;
                windowsSeen++;
                windows.window(speech, windowsSeen * WINDOW_MILLIS);
            }
        }
    }
}
