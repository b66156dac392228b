package io.parley.core.voice;

/**
 * Hears a speech-recognition stream: it is ready (or failed), the user started speaking, transcripts
 * as they firm up, and the end of each of the user's turns. Callbacks come on any thread, one at a
 * time, and must not block.
 */
public interface SpeechListener {

    /** The provider accepted the stream; audio sent before this was kept and goes through now. */
    void onReady();

    /** Voice activity began (the cheap barge-in signal). */
    void onSpeechStarted();

    /** What the user is saying: an interim guess, or a finalized segment of the current turn. */
    void onTranscript(String text, boolean isFinal);

    /**
     * The user's turn ended: {@code transcript} joins its finalized segments; {@code speechEndedAtMs}
     * is where its last word ended, in milliseconds of audio from the stream's first byte.
     */
    void onEndOfTurn(String transcript, long speechEndedAtMs);

    /** The stream cannot go on: it could not (re)connect, or the provider refused it. */
    void onFailure(String reason);
}
