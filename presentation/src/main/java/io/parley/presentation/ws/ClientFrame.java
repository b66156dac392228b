package io.parley.presentation.ws;

import io.parley.core.conversation.ConversationId;
import io.parley.core.session.PeerId;
import io.parley.core.signal.RoomName;
import io.parley.core.voice.VoiceSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * A frame a client sent on the signalling socket, already validated. Handled through a {@link Visitor},
 * so a new kind does not compile until the socket handles it.
 */
sealed interface ClientFrame {

    /** The client's id for the frame, echoed back as replyTo. */
    Optional<String> id();

    <R> R accept(Visitor<R> visitor);

    /** One handling of every kind of client frame. */
    interface Visitor<R> {
        R message(Message frame);

        R ping(Ping frame);

        R end(End frame);

        R join(Join frame);

        R leave(Leave frame);

        R relay(Relay frame);

        R voiceStart(VoiceStart frame);

        R voiceStop(VoiceStop frame);

        R audioPlayed(AudioPlayed frame);
    }

    /** A user message for the agent, optionally continuing an earlier conversation. */
    record Message(Optional<String> id, String text, Optional<ConversationId> conversationId) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.message(this);
        }
    }

    /** Application-level liveness probe. */
    record Ping(Optional<String> id) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ping(this);
        }
    }

    /** Ends the current conversation. */
    record End(Optional<String> id) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.end(this);
        }
    }

    /** Enters a room of the tenant. */
    record Join(Optional<String> id, RoomName room) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.join(this);
        }
    }

    /** Leaves a room. */
    record Leave(Optional<String> id, RoomName room) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.leave(this);
        }
    }

    /** A signalling frame for another peer: {@code json} is what the receiver gets ("from" instead of "to"). */
    record Relay(Optional<String> id, PeerId to, String json) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relay(this);
        }
    }

    /** Starts speaking with the agent: binary frames carry the user's audio in this format afterwards. */
    record VoiceStart(Optional<String> id, VoiceSettings settings) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.voiceStart(this);
        }
    }

    /** Stops the voice session; the conversation goes on (in text, say). */
    record VoiceStop(Optional<String> id) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.voiceStop(this);
        }
    }

    /** How much of the agent's turn {@code turnId} the client played (after an audio.clear, say). */
    record AudioPlayed(Optional<String> id, String turnId, Duration played) implements ClientFrame {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.audioPlayed(this);
        }
    }
}
