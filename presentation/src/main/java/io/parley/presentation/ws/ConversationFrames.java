package io.parley.presentation.ws;

import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.session.SessionId;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands messages to the agent (streaming its deltas back as they come) within the node's bound on
 * concurrent answers, and ends conversations. Past the bound a message gets "busy" and is not stored.
 */
@Singleton
class ConversationFrames {

    static final long BUSY_RETRY_MS = 1000;

    private final SendMessageUseCase sendMessage;
    private final EndConversationUseCase endConversation;
    private final ServerFrames frames;
    private final SocketErrors errors;
    private final AgentAnswers answers;
    private final BlockingWork blocking;

    ConversationFrames(SendMessageUseCase sendMessage, EndConversationUseCase endConversation, ServerFrames frames,
            SocketErrors errors, AgentAnswers answers, BlockingWork blocking) {
        this.sendMessage = sendMessage;
        this.endConversation = endConversation;
        this.frames = frames;
        this.errors = errors;
        this.answers = answers;
        this.blocking = blocking;
    }

    CompletionStage<?> message(ClientFrame.Message frame, SessionId session, SocketChannel channel) {
        Optional<CompletionStage<String>> started = answers.tryStart(() -> answer(frame, session, channel));
        if (started.isEmpty()) {
            channel.send(frames.busy("this node is answering as many messages as it may; retry shortly",
                    BUSY_RETRY_MS, frame.id()));
            return CompletableFuture.completedFuture(null);
        }
        return started.get().thenAccept(channel::send);
    }

    CompletionStage<?> end(ClientFrame.End frame, SessionId session, SocketChannel channel) {
        return blocking.run(() -> {
            try {
                return frames.ended(frame.id(), endConversation.endCurrent(session).toString());
            } catch (RuntimeException e) {
                return errors.frameFor(e, frame.id());
            }
        }).thenAccept(channel::send);
    }

    private String answer(ClientFrame.Message frame, SessionId session, SocketChannel channel) {
        try {
            SendMessageUseCase.Outcome outcome = sendMessage.send(
                    new SendMessageUseCase.Command(session, frame.text(), frame.conversationId()),
                    delta -> channel.send(frames.responseDelta(frame.id(), delta)));
            if (outcome instanceof SendMessageUseCase.Outcome.Answered answered) {
                return frames.response(frame.id(), answered.conversationId().toString(), answered.text(),
                        answered.truncated());
            }
            if (outcome instanceof SendMessageUseCase.Outcome.RateLimited limited) {
                return frames.rateLimited(limited.retryAfterMs(), frame.id());
            }
            return frames.agentUnavailable(
                    ((SendMessageUseCase.Outcome.AgentUnavailable) outcome).conversationId().toString(), frame.id());
        } catch (RuntimeException e) {
            return errors.frameFor(e, frame.id());
        }
    }
}
