package io.parley.core.voice;

/** One open speech-recognition stream. Never blocks; audio sent while it reconnects is kept (bounded). */
public interface SpeechStream {

    /** The next piece of the user's audio, in the stream's format. */
    void send(byte[] audio);

    /** Asks for what was heard so far to be finalized now, ending the user's turn. */
    void finalizeTurn();

    /** Finishes what was sent and closes. */
    void close();
}
