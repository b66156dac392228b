package io.parley.core.voice;

/** One open speech-synthesis stream: text in, audio out. Never blocks. */
public interface SpeechSynthesis {

    /** Adds text to speak (a sentence, say). */
    void speak(String text);

    /** Makes audio of everything spoken so far; {@link SynthesisListener#onFlushed} follows its last byte. */
    void flush();

    /** Drops text and audio not yet delivered (barge-in); {@link SynthesisListener#onCleared} follows. */
    void clear();

    void close();
}
