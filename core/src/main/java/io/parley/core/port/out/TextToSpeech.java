package io.parley.core.port.out;

import io.parley.core.voice.AudioFormat;
import io.parley.core.voice.SpeechSynthesis;
import io.parley.core.voice.SynthesisListener;
import java.util.Optional;

/** Streaming speech synthesis: the agent's text in, audio in the client's format out. */
public interface TextToSpeech {

    /** Empty when synthesis can be used; else what an operator must configure. */
    Optional<String> unavailableReason();

    /** Opens a stream making audio in this format; never blocks: the listener hears onReady or onFailure. */
    SpeechSynthesis open(AudioFormat format, SynthesisListener listener);
}
