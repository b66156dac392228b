package io.parley.presentation.ws;

import io.parley.core.voice.VoiceSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One socket's voice: none, starting (the user's audio is kept, bounded, until the session exists), or
 * running (audio goes straight to it, never queued behind anything else of the socket). The socket's
 * event loop drives it (and alone touches the kept audio); a session may end on any thread. Each start has its own number, so that news of
 * an earlier session never touches a later one; the session is never called with this lane's lock held.
 */
final class VoiceLane {

    /** What became of a piece of the user's audio. */
    enum Taken { SENT, KEPT, NO_VOICE, OVER_BOUND }

    private final InboundAllowance allowance;
    private final ActiveVoices active;
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private long number;
    private boolean starting;
    private boolean closed;
    private VoiceSession session;
    private Optional<Optional<String>> stopAsked = Optional.empty();

    VoiceLane(InboundAllowance allowance, ActiveVoices active) {
        this.allowance = allowance;
        this.active = active;
    }

    /** A voice.start arrived: its number, or 0 when a voice session is starting or running already. */
    synchronized long begin() {
        if (starting || session != null || closed) {
            return 0;
        }
        starting = true;
        stopAsked = Optional.empty();
        dropEarlyAudio();
        return ++number;
    }

    /** Whether a voice session is starting or running. */
    synchronized boolean busy() {
        return starting || session != null;
    }

    /**
     * Start {@code start} made its session: the audio kept meanwhile goes to it first; a stop asked
     * meanwhile (or the socket's close) applies now. A session that ended already is left alone.
     */
    void started(long start, VoiceSession started) {
        List<byte[]> kept = new ArrayList<>();
        String stopReason = null;
        synchronized (this) {
            if (start != number) {
                return;
            }
            if (!starting) {
                dropEarlyAudio();
                return;
            }
            starting = false;
            session = started;
            active.add(started);
            byte[] audio;
            while ((audio = early.poll()) != null) {
                allowance.release(audio.length);
                kept.add(audio);
            }
            if (closed) {
                stopReason = "closed";
            } else if (stopAsked.isPresent()) {
                stopReason = "stopped";
            }
        }
        kept.forEach(started::audio);
        if (stopReason != null) {
            started.stop(stopReason);
        }
    }

    /** Start {@code start} was refused, or its session ended before it was running. */
    synchronized void refused(long start) {
        if (start == number && starting) {
            starting = false;
            stopAsked = Optional.empty();
            dropEarlyAudio();
        }
    }

    /** The user's audio: sent to the session, kept until it exists, or refused. */
    Taken audio(byte[] audio) {
        VoiceSession running;
        synchronized (this) {
            running = session;
            if (running == null) {
                if (!starting) {
                    return Taken.NO_VOICE;
                }
                if (!allowance.reserve(audio.length)) {
                    return Taken.OVER_BOUND;
                }
                early.add(audio);
                return Taken.KEPT;
            }
        }
        running.audio(audio);
        return Taken.SENT;
    }

    void played(String turnId, Duration played) {
        VoiceSession running;
        synchronized (this) {
            running = session;
        }
        if (running != null) {
            running.played(turnId, played);
        }
    }

    /** Stops the voice session (once started, if it is starting); false when there is none. */
    boolean stop(Optional<String> replyTo) {
        VoiceSession running;
        synchronized (this) {
            if (session == null && !starting) {
                return false;
            }
            stopAsked = Optional.of(replyTo);
            running = session;
        }
        if (running != null) {
            running.stop("stopped");
        }
        return true;
    }

    /** The socket is gone: the session stops, now or as soon as it exists. */
    void close() {
        VoiceSession running;
        synchronized (this) {
            closed = true;
            dropEarlyAudio();
            running = session;
        }
        if (running != null) {
            running.stop("closed");
        }
    }

    /**
     * Start {@code start}'s session ended; returns the id of the voice.stop that asked, if one did. Audio kept
     * for a session that ended while starting is dropped on the event loop, when the start completes.
     */
    synchronized Optional<String> ended(long start) {
        if (start != number) {
            return Optional.empty();
        }
        if (session != null) {
            active.remove(session);
        }
        session = null;
        starting = false;
        Optional<String> asked = stopAsked.flatMap(replyTo -> replyTo);
        stopAsked = Optional.empty();
        return asked;
    }

    private void dropEarlyAudio() {
        byte[] audio;
        while ((audio = early.poll()) != null) {
            allowance.release(audio.length);
        }
    }
}
