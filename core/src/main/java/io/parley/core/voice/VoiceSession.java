package io.parley.core.voice;

import java.time.Duration;

/** A running voice session, as its transport drives it. Never blocks. */
public interface VoiceSession {

    /** The user's audio, in the session's format, in order. */
    void audio(byte[] audio);

    /** The caller pressed a key (0-9, *, #, A-D): a user turn of its own, which the agent answers. */
    void keyPressed(String digit);

    /** The client played this much of turn {@code turnId} (so a cut turn is stored as heard). */
    void played(String turnId, Duration heard);

    /** Ends the session: recognition and synthesis close, an answer in progress stops. */
    void stop(String reason);
}
