package io.parley.core.port.out;

import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechListener;
import io.parley.core.voice.SpeechStream;
import java.util.Optional;

/** Streaming speech recognition: the user's audio in, transcripts and turn boundaries out. */
public interface SpeechToText {

    /** Empty when recognition can be used; else what an operator must configure. */
    Optional<String> unavailableReason();

    /** Opens a stream for audio in this format; never blocks: the listener hears onReady or onFailure. */
    SpeechStream open(AudioFormat format, Optional<String> language, SpeechListener listener);
}
