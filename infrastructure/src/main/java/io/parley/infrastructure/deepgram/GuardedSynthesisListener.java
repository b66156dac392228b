package io.parley.infrastructure.deepgram;

import io.parley.core.voice.SynthesisListener;
import org.jboss.logging.Logger;

/**
 * The caller's synthesis listener as a stream calls it: nothing once the stream was closed or failed,
 * onFailure at most once, and a listener's exception logged instead of breaking the stream.
 * Called on the stream's loop only.
 */
final class GuardedSynthesisListener implements SynthesisListener {

    private static final Logger LOG = Logger.getLogger(GuardedSynthesisListener.class);

    private final SynthesisListener listener;
    private boolean stopped;

    GuardedSynthesisListener(SynthesisListener listener) {
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
    public void onAudio(byte[] audio) {
        if (stopped) {
            return;
        }
        try {
            listener.onAudio(audio);
        } catch (RuntimeException e) {
            LOG.warn("A synthesis listener failed", e);
        }
    }

    @Override
    public void onFlushed() {
        call(listener::onFlushed);
    }

    @Override
    public void onCleared() {
        call(listener::onCleared);
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
            LOG.warn("A synthesis listener failed", e);
        }
    }
}
