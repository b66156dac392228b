package io.parley.core.port.in;

import io.parley.core.agent.ReplyStream;
import io.parley.core.conversation.ConversationId;
import io.parley.core.session.SessionId;
import java.util.Optional;

/** Takes a user's text message in a session and streams the agent's answer back. */
public interface SendMessageUseCase {

    /**
     * Checks and stores the message (this part blocks: call it off the event loop), then starts the
     * agent's answer, which streams to the listener; the listener always hears how it ended, unless the
     * returned stream is cancelled first (the client went away), which stops the model.
     */
    ReplyStream send(Command command, AnswerListener listener);

    /** The message, and optionally which earlier conversation it continues. */
    record Command(SessionId sessionId, String text, Optional<ConversationId> conversationId) {
    }

    /** Hears an answer: its pieces as they come, then exactly one outcome or error. */
    interface AnswerListener {

        void onDelta(String delta);

        void onOutcome(Outcome outcome);

        /** Something failed that is not the agent's fault (storing the answer, say). */
        void onError(RuntimeException failure);
    }

    /** What became of the message; handled through a {@link Visitor}, so a new kind does not compile unhandled. */
    sealed interface Outcome {

        <R> R accept(Visitor<R> visitor);

        /** One handling of every outcome. */
        interface Visitor<R> {
            R answered(Answered answered);

            R rateLimited(RateLimited limited);

            R agentUnavailable(AgentUnavailable unavailable);
        }

        /** The agent's answer; {@code truncated} when it was cut at the longest answer Parley keeps. */
        record Answered(ConversationId conversationId, String text, boolean truncated) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.answered(this);
            }
        }

        record RateLimited(long retryAfterMs) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.rateLimited(this);
            }
        }

        record AgentUnavailable(ConversationId conversationId) implements Outcome {
            @Override
            public <R> R accept(Visitor<R> visitor) {
                return visitor.agentUnavailable(this);
            }
        }
    }
}
