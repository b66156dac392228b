package io.parley.infrastructure.deepgram;

import io.parley.core.voice.SpeechListener;
import org.jboss.logging.Logger;

/**
 * The caller's speech listener as a stream calls it: nothing once the stream was closed or failed,
 * onFailure at most once, and a listener's exception logged instead of breaking the stream.
 * Called on the stream's loop only.
 */
final class GuardedSpeechListener implements SpeechListener {

    private static final Logger LOG = Logger.getLogger(GuardedSpeechListener.class);

    private final SpeechListener listener;
    private boolean stopped;

    GuardedSpeechListener(SpeechListener listener) {
        this.listener = listener;
    }

    /** Nothing more reaches the listener. */
    void stop() {
        stopped = true;
    }

    @Override
    public void onReady() {
        call(listener::onReady);
    }

    @Override
    public void onSpeechStarted() {
        call(listener::onSpeechStarted);
    }

    @Override
    public void onTranscript(String text, boolean isFinal) {
        call(() -> listener.onTranscript(text, isFinal));
    }

    @Override
    public void onEndOfTurn(String transcript, long speechEndedAtMs) {
        call(() -> listener.onEndOfTurn(transcript, speechEndedAtMs));
    }

    @Override
    public void onFailure(String reason) {
        if (stopped) {
            return;
        }
        call(() -> listener.onFailure(reason));
        stopped = true;
    }

    private void call(Runnable call) {
        if (stopped) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A speech listener failed", e);
        }
    }
}
