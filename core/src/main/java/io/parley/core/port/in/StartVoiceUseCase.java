package io.parley.core.port.in;

import io.parley.core.port.out.VoiceOutput;
import io.parley.core.session.SessionId;
import io.parley.core.voice.VoiceSession;
import io.parley.core.voice.VoiceSettings;

/** Starts a voice session in a socket session's conversation (its current one, or a new one). */
public interface StartVoiceUseCase {

    /**
     * Checks the node can take it, opens the conversation (blocking: call it off the event loop), then
     * connects recognition and synthesis; the output hears {@code started} (then the greeting) or
     * {@code unavailable}.
     */
    Start start(SessionId session, VoiceSettings settings, VoiceOutput output);

    /** Started (the session to drive), or refused at once; handled through a {@link Visitor}. */
    sealed interface Start {

        <R> R accept(Visitor<R> visitor);

        /** One handling of every outcome of a start. */
        interface Visitor<R> {
            R started(Started started);

            R unavailable(Unavailable unavailable);

            R busy(Busy busy);
        }

        record Started(VoiceSession session) implements Start {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.started(this);
            }
        }

        /** Voice is not configured on this node: what to configure. */
        record Unavailable(String reason) implements Start {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.unavailable(this);
            }
        }

        /** The node runs as many voice sessions as it may. */
        record Busy(int maxSessions) implements Start {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.busy(this);
            }
        }
    }
}
