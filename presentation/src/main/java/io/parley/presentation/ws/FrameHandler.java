package io.parley.presentation.ws;

import io.parley.core.NotFoundException;
import io.parley.core.port.in.EndConversationUseCase;
import io.parley.core.port.in.JoinRoomUseCase;
import io.parley.core.port.in.LeaveRoomUseCase;
import io.parley.core.port.in.RelaySignalUseCase;
import io.parley.core.port.in.SendMessageUseCase;
import io.parley.core.session.SessionId;
import io.parley.core.signal.Delivery;
import io.parley.core.signal.JoinOutcome;
import io.parley.core.signal.RoomMember;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Acts on one parsed frame. Relays and pings never block: they are answered on the event loop.
 * Room changes and agent messages need Redis or Postgres, so they run on a worker, in order per
 * connection. A relay waits only for the joins and leaves sent before it (so that its receiver
 * hears of the join first), never for an agent's answer.
 */
@ApplicationScoped
class FrameHandler {

    private static final Logger LOG = Logger.getLogger(FrameHandler.class);

    private final RelaySignalUseCase relay;
    private final JoinRoomUseCase join;
    private final LeaveRoomUseCase leave;
    private final SendMessageUseCase sendMessage;
    private final EndConversationUseCase endConversation;
    private final ServerFrames frames;
    private final Vertx vertx;

    FrameHandler(RelaySignalUseCase relay, JoinRoomUseCase join, LeaveRoomUseCase leave,
            SendMessageUseCase sendMessage, EndConversationUseCase endConversation, ServerFrames frames, Vertx vertx) {
        this.relay = relay;
        this.join = join;
        this.leave = leave;
        this.sendMessage = sendMessage;
        this.endConversation = endConversation;
        this.frames = frames;
        this.vertx = vertx;
    }

    void handle(ClientFrame frame, SessionId session, String peerId, SocketChannel channel) {
        if (frame instanceof ClientFrame.Ping ping) {
            channel.send(frames.pong(ping.id()));
        } else if (frame instanceof ClientFrame.Relay r) {
            if (!channel.afterRoomChanges(() -> relay(r, session, peerId, channel))) {
                channel.send(frames.error("busy", "too many frames waiting for a join or leave to finish", r.id()));
            }
        } else if (frame instanceof ClientFrame.Join j) {
            roomChange(channel, j.id(), () -> joined(j, session));
        } else if (frame instanceof ClientFrame.Leave l) {
            roomChange(channel, l.id(), () -> leave.leave(session, l.room())
                    ? frames.left(l.id(), l.room().value())
                    : frames.error("not_in_room", "not in room " + l.room(), l.id()));
        } else if (frame instanceof ClientFrame.End end) {
            blocking(channel, end.id(), () -> frames.ended(end.id(), endConversation.endCurrent(session).toString()));
        } else if (frame instanceof ClientFrame.Message message) {
            blocking(channel, message.id(), () -> answer(message, session, channel));
        }
    }

    private void relay(ClientFrame.Relay r, SessionId session, String peerId, SocketChannel channel) {
        String json = r.body().put("from", peerId).toString();
        relay.relay(session, r.to(), json).whenComplete((delivery, failure) -> {
            if (failure != null || delivery == Delivery.UNAVAILABLE) {
                channel.send(frames.error("peer_unavailable", "peer " + r.to() + " is not connected", r.id()));
            }
        });
    }

    private String joined(ClientFrame.Join j, SessionId session) {
        JoinOutcome outcome = join.join(session, j.room());
        if (outcome instanceof JoinOutcome.Full full) {
            return frames.error("room_full", "room " + j.room() + " already has " + full.maxPeers() + " peers",
                    j.id());
        }
        return frames.joined(j.id(), j.room().value(), ((JoinOutcome.Joined) outcome).others().stream()
                .map(RoomMember::peerId).map(Object::toString).toList());
    }

    private String answer(ClientFrame.Message message, SessionId session, SocketChannel channel) {
        SendMessageUseCase.Outcome outcome = sendMessage.send(
                new SendMessageUseCase.Command(session, message.text(), message.conversationId()),
                delta -> channel.send(frames.responseDelta(message.id(), delta)));
        if (outcome instanceof SendMessageUseCase.Outcome.Answered answered) {
            return frames.response(message.id(), answered.conversationId().toString(), answered.text(),
                    answered.truncated());
        }
        if (outcome instanceof SendMessageUseCase.Outcome.RateLimited limited) {
            return frames.rateLimited(limited.retryAfterMs(), message.id());
        }
        return frames.agentUnavailable(
                ((SendMessageUseCase.Outcome.AgentUnavailable) outcome).conversationId().toString(), message.id());
    }

    /** A join or leave: relays the client sends after it wait until others have been told. */
    private void roomChange(SocketChannel channel, Optional<String> replyTo, Supplier<String> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        channel.roomChangeStarted(done);
        blocking(channel, replyTo, work).whenComplete((reply, failure) -> done.complete(null));
    }

    /** Runs blocking work on a worker, in order with the connection's other blocking work, and sends its reply. */
    private CompletableFuture<String> blocking(SocketChannel channel, Optional<String> replyTo, Supplier<String> work) {
        CompletableFuture<String> result = new CompletableFuture<>();
        vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return work.get();
            } catch (io.parley.core.InvalidInputException e) {
                return frames.error(e.code(), e.getMessage(), replyTo);
            } catch (NotFoundException e) {
                return frames.error("conversation_not_found", e.getMessage(), replyTo);
            } catch (RuntimeException e) {
                LOG.errorf(e, "failed to handle a frame");
                return frames.error("internal_error", "the server could not handle the frame", replyTo);
            }
        }), true).subscribe().with(reply -> {
            channel.send(reply);
            result.complete(reply);
        }, failure -> {
            LOG.errorf(failure, "worker failed");
            result.completeExceptionally(failure);
        });
        return result;
    }
}
