package io.parley.core.voice;

/**
 * Hears a speech-synthesis stream: ready (or failed), audio as it is made, and the end of each flush
 * or clear. Callbacks come on any thread, one at a time, and must not block.
 */
public interface SynthesisListener {

    void onReady();

    /** Audio, in the stream's format, in order. */
    void onAudio(byte[] audio);

    /** All audio of the text sent before the last flush has come. */
    void onFlushed();

    /** Text and audio not yet delivered were dropped, as asked. */
    void onCleared();

    /** The stream cannot go on. */
    void onFailure(String reason);
}
