package io.parley.infrastructure.deepgram;

import io.parley.core.voice.SpeechListener;
import io.parley.infrastructure.deepgram.ListenEvent.Results;
import io.parley.infrastructure.deepgram.ListenEvent.SpeechStarted;
import io.parley.infrastructure.deepgram.ListenEvent.UtteranceEnd;
import java.io.IOException;
import java.util.function.LongConsumer;
import org.jboss.logging.Logger;

/**
 * Turns what {@code /v1/listen} says into the listener's calls: speech started, interim and final
 * transcripts, and one end of turn per turn (on {@code speech_final}, a Finalize's result or
 * UtteranceEnd, whichever comes first), timed from the first byte of the whole stream: each socket's
 * times are shifted by the audio that went before it.
 */
final class ListenReplies {

    private static final Logger LOG = Logger.getLogger(ListenReplies.class);

    private final SpeechListener listener;
    private final LongConsumer heardUntil;
    private final TurnTranscript turn = new TurnTranscript();
    private long offsetMillis;

    /** {@code heardUntil} learns the stream time, in ms, up to which each final result covers the audio. */
    ListenReplies(SpeechListener listener, LongConsumer heardUntil) {
        this.listener = listener;
        this.heardUntil = heardUntil;
    }

    /** A new socket begins: its time zero is this far into the stream's audio. */
    void socketStartsAt(long offsetMillis) {
        this.offsetMillis = offsetMillis;
    }

    void accept(String text) {
        ListenEvent event;
        try {
            event = ListenEvent.parse(text);
        } catch (IOException e) {
            LOG.debugf("Deepgram sent a message that is not JSON: %s", e.getMessage());
            return;
        }
        if (event instanceof Results results) {
            results(results);
        } else if (event instanceof SpeechStarted) {
            listener.onSpeechStarted();
        } else if (event instanceof UtteranceEnd end) {
            turn.endAt(offsetMillis + end.lastWordEndMillis()).ifPresent(this::ended);
        }
    }

    private void results(Results results) {
        boolean said = !results.transcript().isEmpty();
        if (said) {
            listener.onTranscript(results.transcript(), results.isFinal());
        }
        if (!results.isFinal()) {
            return;
        }
        heardUntil.accept(offsetMillis + results.coveredToMillis());
        if (said) {
            turn.addSegment(results.transcript(), offsetMillis + results.startMillis(),
                    offsetMillis + results.endMillis());
        }
        if (results.speechFinal() || results.fromFinalize()) {
            turn.end().ifPresent(this::ended);
        }
    }

    private void ended(TurnTranscript.Ended ended) {
        listener.onEndOfTurn(ended.transcript(), ended.speechEndedAtMillis());
    }
}
