package io.parley.presentation.ws;

import io.parley.core.conversation.ConversationId;
import io.parley.core.session.PeerId;
import io.parley.core.signal.RoomName;
import java.util.Optional;

/** A frame a client sent on the signalling socket, already validated. */
sealed interface ClientFrame {

    /** The client's id for the frame, echoed back as replyTo. */
    Optional<String> id();

    /** A user message for the agent, optionally continuing an earlier conversation. */
    record Message(Optional<String> id, String text, Optional<ConversationId> conversationId) implements ClientFrame {
    }

    /** Application-level liveness probe. */
    record Ping(Optional<String> id) implements ClientFrame {
    }

    /** Ends the current conversation. */
    record End(Optional<String> id) implements ClientFrame {
    }

    /** Enters a room of the tenant. */
    record Join(Optional<String> id, RoomName room) implements ClientFrame {
    }

    /** Leaves a room. */
    record Leave(Optional<String> id, RoomName room) implements ClientFrame {
    }

    /** A signalling frame for another peer: {@code json} is what the receiver gets ("from" instead of "to"). */
    record Relay(Optional<String> id, PeerId to, String json) implements ClientFrame {
    }
}
