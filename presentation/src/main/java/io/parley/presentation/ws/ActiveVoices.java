package io.parley.presentation.ws;

import io.parley.core.voice.VoiceSession;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The voice sessions running on this node's sockets, so that a draining node can end them first. */
@Singleton
class ActiveVoices {

    private final Set<VoiceSession> running = ConcurrentHashMap.newKeySet();

    void add(VoiceSession session) {
        running.add(session);
    }

    void remove(VoiceSession session) {
        running.remove(session);
    }

    /** Ends every running voice session with this reason. */
    void stopAll(String reason) {
        List.copyOf(running).forEach(session -> session.stop(reason));
    }
}
