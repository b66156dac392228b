package io.parley.presentation.ws;

import io.parley.core.agent.ReplyStream;
import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.port.in.SendMessageUseCase.Outcome;
import io.parley.core.session.SessionId;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final AnswerSlots slots;
    private final BlockingWork blocking;

    ConversationFrames(SendMessageUseCase sendMessage, EndConversationUseCase endConversation, ServerFrames frames,
            SocketErrors errors, AnswerSlots slots, BlockingWork blocking) {
        this.sendMessage = sendMessage;
        this.endConversation = endConversation;
        this.frames = frames;
        this.errors = errors;
        this.slots = slots;
        this.blocking = blocking;
    }

    /**
     * Starts answering; the answer's {@link AnswerInProgress#done} completes when it is over (answered,
     * refused or failed), so that the lane's next message may go.
     */
    AnswerInProgress message(ClientFrame.Message frame, SessionId session, SocketChannel channel) {
        if (!slots.tryTake()) {
            channel.send(frames.busy("this node is answering as many messages as it may; retry shortly",
                    BUSY_RETRY_MS, frame.id()));
            return AnswerInProgress.NONE;
        }
        Answer answer = new Answer(frame, channel);
        blocking.run(() -> sendMessage.send(new SendMessageUseCase.Command(session, frame.text(),
                frame.conversationId()), answer)).whenComplete((stream, failure) -> {
                    if (failure != null) {
                        answer.end(errors.frameFor(failure instanceof CompletionException wrapped
                                && wrapped.getCause() != null ? wrapped.getCause() : failure, frame.id()));
                    } else {
                        answer.streaming(stream);
                    }
                });
        return answer;
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

    /** An answer being given, as its socket's lane sees it: over when {@link #done} completes; stoppable. */
    interface AnswerInProgress {

        /** A message that was refused at once: nothing to wait for or stop. */
        AnswerInProgress NONE = new AnswerInProgress() {
            @Override
            public CompletionStage<?> done() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void cancel() {
            }
        };

        CompletionStage<?> done();

        /** The client went away: stop the model, free the slot, send nothing more. */
        void cancel();
    }

    /** One answer in progress: forwards its pieces, then sends its one closing frame and frees its slot. */
    private final class Answer implements SendMessageUseCase.AnswerListener, AnswerInProgress {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final ClientFrame.Message frame;
        private final SocketChannel channel;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile ReplyStream stream = ReplyStream.FINISHED;
        private volatile boolean cancelled;

        Answer(ClientFrame.Message frame, SocketChannel channel) {
            this.frame = frame;
            this.channel = channel;
        }

        @Override
        public CompletionStage<?> done() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (ended.compareAndSet(false, true)) {
                stream.cancel();
                slots.give();
                done.complete(null);
            }
        }

        /** The model is streaming; a cancel that came before is applied now. */
        void streaming(ReplyStream started) {
            stream = started;
            if (cancelled) {
                started.cancel();
            }
        }

        @Override
        public void onDelta(String delta) {
            channel.send(frames.responseDelta(frame.id(), delta));
        }

        @Override
        public void onOutcome(Outcome outcome) {
            end(closing(outcome));
        }

        @Override
        public void onError(RuntimeException failure) {
            end(errors.frameFor(failure, frame.id()));
        }

        void end(String closingFrame) {
            if (ended.compareAndSet(false, true)) {
                slots.give();
                channel.send(closingFrame);
                done.complete(null);
            }
        }

        private String closing(Outcome outcome) {
            return outcome.accept(new Outcome.Visitor<>() {
                @Override
                public String answered(Outcome.Answered answered) {
                    return frames.response(frame.id(), answered.conversationId().toString(), answered.text(),
                            answered.truncated());
                }

                @Override
                public String rateLimited(Outcome.RateLimited limited) {
                    return frames.rateLimited(limited.retryAfterMs(), frame.id());
                }

                @Override
                public String agentUnavailable(Outcome.AgentUnavailable unavailable) {
                    return frames.agentUnavailable(unavailable.conversationId().toString(), frame.id());
                }
            });
        }
    }
}
