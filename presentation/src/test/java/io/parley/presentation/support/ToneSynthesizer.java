package io.parley.presentation.support;

/**
 * Stands in for a voice: {@link #MILLIS_PER_CHARACTER} of audio per character of text, a steady
 * vowel-like buzz (140 Hz with harmonics weighted around the formants of "ah", all below 3.4 kHz
 * and the Nyquist limit) for each word, silence for each space, 10 ms fades so words do not click.
 * Loud enough (about -12 dBFS peak) to count as speech for any energy detector.
 */
final class ToneSynthesizer {

    static final int MILLIS_PER_CHARACTER = 60;
    private static final double PITCH_HZ = 140;
    private static final double PEAK = 8000;

    private ToneSynthesizer() {
    }

    static short[] synthesize(String text, int sampleRate) {
        int perCharacter = sampleRate * MILLIS_PER_CHARACTER / 1000;
        short[] out = new short[text.length() * perCharacter];
        double[] harmonics = harmonics(sampleRate);
        int fade = sampleRate / 100;
        int from = 0;
        while (from < text.length()) {
            int to = from;
            while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
                to++;
            }
            int first = from * perCharacter;
            int length = (to - from) * perCharacter;
            for (int s = 0; s < length; s++) {
                double envelope = Math.min(1.0, Math.min(s, length - 1 - s) / (double) fade);
                double value = 0;
                for (int k = 1; k < harmonics.length; k++) {
                    value += harmonics[k] * Math.sin(2 * Math.PI * k * PITCH_HZ * s / sampleRate);
                }
                out[first + s] = (short) Math.round(PEAK * envelope * value);
            }
            from = to + 1;
        }
        return out;
    }

    /** Weights of the harmonics that fit the band, summing to 1 so the peak stays under {@link #PEAK}. */
    private static double[] harmonics(int sampleRate) {
        int count = (int) (Math.min(3400, sampleRate / 2.0 - 100) / PITCH_HZ);
        double[] weights = new double[count + 1];
        double sum = 0;
        for (int k = 1; k <= count; k++) {
            double hz = k * PITCH_HZ;
            weights[k] = Math.exp(-Math.pow((hz - 700) / 250, 2)) + 0.6 * Math.exp(-Math.pow((hz - 1200) / 300, 2))
                    + 0.3 / k;
            sum += weights[k];
        }
        for (int k = 1; k <= count; k++) {
            weights[k] /= sum;
        }
        return weights;
    }
}
