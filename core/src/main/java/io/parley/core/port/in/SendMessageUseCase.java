package io.parley.core.port.in;

import io.parley.core.conversation.ConversationId;
import io.parley.core.session.SessionId;
import java.util.Optional;
import java.util.function.Consumer;

/** Takes a user's text message in a session and returns the agent's answer. */
public interface SendMessageUseCase {

    /** Handles the message; streamed pieces of the answer go to {@code onDelta} as they arrive. */
    Outcome send(Command command, Consumer<String> onDelta);

    /** The message, and optionally which earlier conversation it continues. */
    record Command(SessionId sessionId, String text, Optional<ConversationId> conversationId) {
    }

    /** What became of the message. */
    sealed interface Outcome {
        /** The agent's answer; {@code truncated} when it was cut at the longest answer Parley keeps. */
        record Answered(ConversationId conversationId, String text, boolean truncated) implements Outcome {
        }

        record RateLimited(long retryAfterMs) implements Outcome {
        }

        record AgentUnavailable(ConversationId conversationId) implements Outcome {
        }
    }
}
